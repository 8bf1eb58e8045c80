package io.ocmj.api.cluster.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ocmj.api.UnknownFields;
import java.util.ArrayList;
import java.util.List;

/** One decision group: its index, name, PlacementDecisions and size. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class DecisionGroupStatus extends UnknownFields {
  @JsonPropertyDescription("The group's index, from 0.")
  @JsonInclude(JsonInclude.Include.ALWAYS)
  private int decisionGroupIndex;

  @JsonPropertyDescription("The group's name; empty for the rest.")
  private String decisionGroupName;

  @JsonPropertyDescription("Names of the group's PlacementDecisions.")
  private List<String> decisions = new ArrayList<>();

  @JsonPropertyDescription("How many clusters the group has.")
  @JsonInclude(JsonInclude.Include.ALWAYS)
  private int clusterCount;

  public int getDecisionGroupIndex() {
    return decisionGroupIndex;
  }

  public void setDecisionGroupIndex(int decisionGroupIndex) {
    this.decisionGroupIndex = decisionGroupIndex;
  }

  public String getDecisionGroupName() {
    return decisionGroupName;
  }

  public void setDecisionGroupName(String decisionGroupName) {
    this.decisionGroupName = decisionGroupName;
  }

  public List<String> getDecisions() {
    return decisions;
  }

  public void setDecisions(List<String> decisions) {
    this.decisions = decisions;
  }

  public int getClusterCount() {
    return clusterCount;
  }

  public void setClusterCount(int clusterCount) {
    this.clusterCount = clusterCount;
  }
}
