package io.ocmj.api.cluster.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import io.ocmj.api.UnknownFields;
import java.util.ArrayList;
import java.util.List;

/** What the scheduler decided. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class PlacementStatus extends UnknownFields {
  @JsonPropertyDescription("How many clusters are selected.")
  @JsonInclude(JsonInclude.Include.ALWAYS)
  private int numberOfSelectedClusters;

  @JsonPropertyDescription("The decision groups and their PlacementDecisions.")
  private List<DecisionGroupStatus> decisionGroups = new ArrayList<>();

  @JsonPropertyDescription("PlacementSatisfied and PlacementMisconfigured.")
  private List<Condition> conditions = new ArrayList<>();

  public int getNumberOfSelectedClusters() {
    return numberOfSelectedClusters;
  }

  public void setNumberOfSelectedClusters(int numberOfSelectedClusters) {
    this.numberOfSelectedClusters = numberOfSelectedClusters;
  }

  public List<DecisionGroupStatus> getDecisionGroups() {
    return decisionGroups;
  }

  public void setDecisionGroups(List<DecisionGroupStatus> decisionGroups) {
    this.decisionGroups = decisionGroups;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }
}
