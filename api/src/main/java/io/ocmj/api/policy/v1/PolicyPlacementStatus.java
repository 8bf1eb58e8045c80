package io.ocmj.api.policy.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ocmj.api.UnknownFields;
import java.util.ArrayList;
import java.util.List;

/** One binding that places a policy, and the clusters it selects. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class PolicyPlacementStatus extends UnknownFields {

  private String placementBinding;

  private String placement;

  private String placementRule;

  private String policySet;

  private List<PlacementDecisionRef> decisions = new ArrayList<>();

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

  public String getPolicySet() {
    return policySet;
  }

  public void setPolicySet(String policySet) {
    this.policySet = policySet;
  }

  public List<PlacementDecisionRef> getDecisions() {
    return decisions;
  }

  public void setDecisions(List<PlacementDecisionRef> decisions) {
    this.decisions = decisions;
  }
}
