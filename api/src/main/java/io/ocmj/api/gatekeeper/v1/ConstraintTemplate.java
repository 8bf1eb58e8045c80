package io.ocmj.api.gatekeeper.v1;

import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * Gatekeeper's ConstraintTemplate: defines a constraint kind ({@code constraints.gatekeeper.sh})
 * and the Rego that finds violations. Cluster-scoped. In a Policy it is a policy template; ocmj's
 * agent evaluates it without Gatekeeper.
 */
@Group(ConstraintTemplate.GROUP)
@Version(ConstraintTemplate.VERSION)
@Plural("constrainttemplates")
@Singular("constrainttemplate")
public class ConstraintTemplate
    extends CustomResource<ConstraintTemplateSpec, ConstraintTemplateStatus> {
  public static final String GROUP = "templates.gatekeeper.sh";
  public static final String VERSION = "v1";
  public static final String KIND = "ConstraintTemplate";

  /** The group (version v1beta1) of the constraint kinds templates define. */
  public static final String CONSTRAINTS_GROUP = "constraints.gatekeeper.sh";

  public static final String CONSTRAINTS_VERSION = "v1beta1";

  /** ocmj, on a template in a replicated Policy: the content hash of its compiled Wasm module. */
  public static final String ANNOTATION_REGO_WASM = "policy.ocmj.io/rego-wasm";

  /** ocmj, on a template in a replicated Policy: why the hub could not compile its Rego. */
  public static final String ANNOTATION_REGO_ERROR = "policy.ocmj.io/rego-error";
}
