package io.ocmj.api.policy.v1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * OCM's ConfigurationPolicy: objects a managed cluster must or must not have, audited or enforced.
 */
@Group(Policy.GROUP)
@Version(Policy.VERSION)
@Plural("configurationpolicies")
@Singular("configurationpolicy")
@AdditionalPrinterColumn(
    name = "Compliance state",
    jsonPath = ".status.compliant",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class ConfigurationPolicy
    extends CustomResource<ConfigurationPolicySpec, ConfigurationPolicyStatus>
    implements Namespaced {
  public static final String KIND = "ConfigurationPolicy";

  /** The CRD label that marks a kind as a policy template the framework may create. */
  public static final String LABEL_POLICY_TYPE = Policy.GROUP + "/policy-type";

  /** Holds a policy until the objects it created are pruned. */
  public static final String FINALIZER_PRUNE = Policy.GROUP + "/delete-related-objects";
}
