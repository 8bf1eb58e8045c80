package io.ocmj.api.gatekeeper.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.ocmj.api.UnknownFields;
import java.util.ArrayList;
import java.util.List;

/** The constraint kind a template defines and the Rego that judges it. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ConstraintTemplateSpec extends UnknownFields {
  @JsonPropertyDescription(
      "The constraint CRD to create: its kind and the schema of its parameters.")
  @Required
  private CrdSpec crd;

  @JsonPropertyDescription(
      "The Rego (or CEL) per enforcement target; ocmj reads admission.k8s.gatekeeper.sh.")
  @Required
  private List<Target> targets = new ArrayList<>();

  public CrdSpec getCrd() {
    return crd;
  }

  public void setCrd(CrdSpec crd) {
    this.crd = crd;
  }

  public List<Target> getTargets() {
    return targets;
  }

  public void setTargets(List<Target> targets) {
    this.targets = targets;
  }
}
