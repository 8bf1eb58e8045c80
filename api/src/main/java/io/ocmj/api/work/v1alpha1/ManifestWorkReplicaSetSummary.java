package io.ocmj.api.work.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ocmj.api.UnknownFields;

/** Counts of generated works by state. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public class ManifestWorkReplicaSetSummary extends UnknownFields {
  @JsonPropertyDescription("Generated works.")
  private int total;

  @JsonPropertyDescription("Clusters the placements decided.")
  private int desiredTotal;

  @JsonPropertyDescription("Works with the current template.")
  private int updated;

  @JsonPropertyDescription("Works whose Applied condition is True.")
  private int applied;

  @JsonPropertyDescription("Works whose Available condition is True.")
  private int available;

  @JsonPropertyDescription("Works not done yet.")
  private int progressing;

  @JsonPropertyDescription("Works that failed.")
  private int degraded;

  public ManifestWorkReplicaSetSummary() {}

  public ManifestWorkReplicaSetSummary(
      int total,
      int desiredTotal,
      int updated,
      int applied,
      int available,
      int progressing,
      int degraded) {
    this.total = total;
    this.desiredTotal = desiredTotal;
    this.updated = updated;
    this.applied = applied;
    this.available = available;
    this.progressing = progressing;
    this.degraded = degraded;
  }

  public int getTotal() {
    return total;
  }

  public void setTotal(int total) {
    this.total = total;
  }

  public int getDesiredTotal() {
    return desiredTotal;
  }

  public void setDesiredTotal(int desiredTotal) {
    this.desiredTotal = desiredTotal;
  }

  public int getUpdated() {
    return updated;
  }

  public void setUpdated(int updated) {
    this.updated = updated;
  }

  public int getApplied() {
    return applied;
  }

  public void setApplied(int applied) {
    this.applied = applied;
  }

  public int getAvailable() {
    return available;
  }

  public void setAvailable(int available) {
    this.available = available;
  }

  public int getProgressing() {
    return progressing;
  }

  public void setProgressing(int progressing) {
    this.progressing = progressing;
  }

  public int getDegraded() {
    return degraded;
  }

  public void setDegraded(int degraded) {
    this.degraded = degraded;
  }
}
