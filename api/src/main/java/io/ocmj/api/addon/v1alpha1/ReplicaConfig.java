package io.ocmj.api.addon.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.ocmj.api.UnknownFields;

/** Replica count of the agent workloads an id matches; the last matching entry wins. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ReplicaConfig extends UnknownFields {
  @JsonPropertyDescription(
      "<resource type>:<resource name> with type deployments or statefulsets, each part may be *.")
  @Required
  @Pattern("^(deployments|statefulsets|\\*):.+$")
  private String workloadID;

  // Zero replicas is a real request, so it is written.
  @JsonPropertyDescription("Desired number of replicas.")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Required
  @Min(0)
  private Integer replicas;

  public String getWorkloadID() {
    return workloadID;
  }

  public void setWorkloadID(String workloadID) {
    this.workloadID = workloadID;
  }

  public Integer getReplicas() {
    return replicas;
  }

  public void setReplicas(Integer replicas) {
    this.replicas = replicas;
  }
}
