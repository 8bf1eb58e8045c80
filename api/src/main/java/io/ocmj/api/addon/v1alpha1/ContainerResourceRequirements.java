package io.ocmj.api.addon.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.ocmj.api.UnknownFields;

/** Compute resources of the agent containers an id matches; the last matching entry wins. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ContainerResourceRequirements extends UnknownFields {
  @JsonPropertyDescription(
      "<resource type>:<resource name>:<container name>, each part may be *; e.g."
          + " deployments:*:manager.")
  @Required
  @Pattern("^(deployments|daemonsets|statefulsets|replicasets|jobs|cronjobs|pods|\\*):.+:.+$")
  private String containerID;

  @JsonPropertyDescription("Requests and limits of the matched containers.")
  @Required
  private ResourceRequirements resources;

  public String getContainerID() {
    return containerID;
  }

  public void setContainerID(String containerID) {
    this.containerID = containerID;
  }

  public ResourceRequirements getResources() {
    return resources;
  }

  public void setResources(ResourceRequirements resources) {
    this.resources = resources;
  }
}
