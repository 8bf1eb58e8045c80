package io.ocmj.api.work.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ocmj.api.UnknownFields;

/** One placement's rollout counts. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class PlacementSummary extends UnknownFields {
  @JsonPropertyDescription("The placement.")
  private String name;

  @JsonPropertyDescription("Decision groups done, as x/y.")
  private String availableDecisionGroups;

  @JsonPropertyDescription("Counts over this placement's works.")
  private ManifestWorkReplicaSetSummary summary;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getAvailableDecisionGroups() {
    return availableDecisionGroups;
  }

  public void setAvailableDecisionGroups(String availableDecisionGroups) {
    this.availableDecisionGroups = availableDecisionGroups;
  }

  public ManifestWorkReplicaSetSummary getSummary() {
    return summary;
  }

  public void setSummary(ManifestWorkReplicaSetSummary summary) {
    this.summary = summary;
  }
}
