package io.ocmj.api.policy.v1beta1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;
import io.ocmj.api.policy.v1.Policy;

/** OCM's PolicySet: a group of Policies placed together, with an aggregate compliance. */
@Group(Policy.GROUP)
@Version("v1beta1")
@Plural("policysets")
@Singular("policyset")
@ShortNames("plcset")
@AdditionalPrinterColumn(
    name = "Compliance state",
    jsonPath = ".status.compliant",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class PolicySet extends CustomResource<PolicySetSpec, PolicySetStatus>
    implements Namespaced {
  public static final String KIND = "PolicySet";
}
