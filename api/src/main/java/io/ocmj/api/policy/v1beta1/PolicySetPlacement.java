package io.ocmj.api.policy.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ocmj.api.UnknownFields;

/** One binding that places a PolicySet. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class PolicySetPlacement extends UnknownFields {

  private String placementBinding;

  private String placement;

  private String placementRule;

  public String getPlacementBinding() {
    return placementBinding;
  }

  public void setPlacementBinding(String placementBinding) {
    this.placementBinding = placementBinding;
  }

  public String getPlacement() {
    return placement;
  }

  public void setPlacement(String placement) {
    this.placement = placement;
  }

  public String getPlacementRule() {
    return placementRule;
  }

  public void setPlacementRule(String placementRule) {
    this.placementRule = placementRule;
  }
}
