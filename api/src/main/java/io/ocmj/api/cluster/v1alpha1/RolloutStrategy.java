package io.ocmj.api.cluster.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ocmj.api.UnknownFields;

/** How a change is rolled out over the clusters of a placement: All, Progressive or per group. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class RolloutStrategy extends UnknownFields {
  @JsonPropertyDescription("All (default), Progressive or ProgressivePerGroup.")
  private RolloutType type;

  @JsonPropertyDescription("Settings of type All.")
  private RolloutConfig all;

  @JsonPropertyDescription("Settings of type Progressive.")
  private RolloutProgressive progressive;

  @JsonPropertyDescription("Settings of type ProgressivePerGroup.")
  private RolloutProgressive progressivePerGroup;

  public RolloutType getType() {
    return type;
  }

  public void setType(RolloutType type) {
    this.type = type;
  }

  public RolloutConfig getAll() {
    return all;
  }

  public void setAll(RolloutConfig all) {
    this.all = all;
  }

  public RolloutProgressive getProgressive() {
    return progressive;
  }

  public void setProgressive(RolloutProgressive progressive) {
    this.progressive = progressive;
  }

  public RolloutProgressive getProgressivePerGroup() {
    return progressivePerGroup;
  }

  public void setProgressivePerGroup(RolloutProgressive progressivePerGroup) {
    this.progressivePerGroup = progressivePerGroup;
  }
}
