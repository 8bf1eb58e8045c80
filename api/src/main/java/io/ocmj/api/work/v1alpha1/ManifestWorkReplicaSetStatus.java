package io.ocmj.api.work.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import io.ocmj.api.UnknownFields;
import java.util.ArrayList;
import java.util.List;

/** Rollout progress: conditions, counts, and per placement. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ManifestWorkReplicaSetStatus extends UnknownFields {
  @JsonPropertyDescription("PlacementVerified, PlacementRolledOut, ManifestworkApplied.")
  private List<Condition> conditions = new ArrayList<>();

  @JsonPropertyDescription("Counts over all generated works.")
  private ManifestWorkReplicaSetSummary summary;

  @JsonPropertyDescription("Counts per placement.")
  private List<PlacementSummary> placementSummary = new ArrayList<>();

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public ManifestWorkReplicaSetSummary getSummary() {
    return summary;
  }

  public void setSummary(ManifestWorkReplicaSetSummary summary) {
    this.summary = summary;
  }

  public List<PlacementSummary> getPlacementSummary() {
    return placementSummary;
  }

  public void setPlacementSummary(List<PlacementSummary> placementSummary) {
    this.placementSummary = placementSummary;
  }
}
