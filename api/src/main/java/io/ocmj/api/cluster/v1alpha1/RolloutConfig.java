package io.ocmj.api.cluster.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.ocmj.api.UnknownFields;

/** Settings every rollout type shares: soak time, deadline, tolerated failures. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class RolloutConfig extends UnknownFields {
  @JsonPropertyDescription(
      "How long a cluster must stay successful before it counts (soak), e.g. 30s; default 0.")
  @Pattern("^(([0-9])+[h|m|s])$")
  private String minSuccessTime;

  @JsonPropertyDescription(
      "How long a cluster may take to succeed before it counts as failed, e.g. 10m; None (default)"
          + " waits forever.")
  @Pattern("^(([0-9])+[h|m|s])|None$")
  private String progressDeadline;

  @JsonPropertyDescription("Failed clusters tolerated (a number or a percentage); default 0.")
  private IntOrString maxFailures;

  public String getMinSuccessTime() {
    return minSuccessTime;
  }

  public void setMinSuccessTime(String minSuccessTime) {
    this.minSuccessTime = minSuccessTime;
  }

  public String getProgressDeadline() {
    return progressDeadline;
  }

  public void setProgressDeadline(String progressDeadline) {
    this.progressDeadline = progressDeadline;
  }

  public IntOrString getMaxFailures() {
    return maxFailures;
  }

  public void setMaxFailures(IntOrString maxFailures) {
    this.maxFailures = maxFailures;
  }
}
