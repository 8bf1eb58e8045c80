package io.ocmj.api.policy.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.ocmj.api.UnknownFields;

/** What a PlacementBinding changes on the replicas it places. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class BindingOverrides extends UnknownFields {
  @JsonPropertyDescription("Enforce the bound policies on the selected clusters.")
  @Pattern("^(Enforce|enforce)$")
  private String remediationAction;

  public String getRemediationAction() {
    return remediationAction;
  }

  public void setRemediationAction(String remediationAction) {
    this.remediationAction = remediationAction;
  }
}
