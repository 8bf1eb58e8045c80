package io.ocmj.api.cluster.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.ocmj.api.UnknownFields;

/** One selected cluster. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ClusterDecision extends UnknownFields {
  @JsonPropertyDescription("Name of the ManagedCluster.")
  @Required
  private String clusterName;

  @JsonPropertyDescription("Why it was selected (the scheduler leaves it empty).")
  @Required
  @JsonInclude(JsonInclude.Include.ALWAYS)
  private String reason = "";

  @JsonPropertyDescription("Its score, when scored.")
  private Long score;

  public ClusterDecision() {}

  public ClusterDecision(String clusterName) {
    this.clusterName = clusterName;
  }

  public String getClusterName() {
    return clusterName;
  }

  public void setClusterName(String clusterName) {
    this.clusterName = clusterName;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public Long getScore() {
    return score;
  }

  public void setScore(Long score) {
    this.score = score;
  }
}
