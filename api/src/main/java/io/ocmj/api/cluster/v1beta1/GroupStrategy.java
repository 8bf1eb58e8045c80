package io.ocmj.api.cluster.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.ocmj.api.UnknownFields;
import java.util.ArrayList;
import java.util.List;

/** Named decision groups first, then the rest; no group larger than clustersPerDecisionGroup. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class GroupStrategy extends UnknownFields {
  @JsonPropertyDescription("Groups of selected clusters, by selector.")
  private List<DecisionGroup> decisionGroups = new ArrayList<>();

  @JsonPropertyDescription(
      "Largest group: a number or a percentage of the selected (default 100%).")
  private IntOrString clustersPerDecisionGroup;

  public List<DecisionGroup> getDecisionGroups() {
    return decisionGroups;
  }

  public void setDecisionGroups(List<DecisionGroup> decisionGroups) {
    this.decisionGroups = decisionGroups;
  }

  public IntOrString getClustersPerDecisionGroup() {
    return clustersPerDecisionGroup;
  }

  public void setClustersPerDecisionGroup(IntOrString clustersPerDecisionGroup) {
    this.clustersPerDecisionGroup = clustersPerDecisionGroup;
  }
}
