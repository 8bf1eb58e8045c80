package io.ocmj.api.cluster.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.ocmj.api.UnknownFields;

/** A named group of the selected clusters. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class DecisionGroup extends UnknownFields {
  @JsonPropertyDescription("The group's name.")
  @Required
  private String groupName;

  @JsonPropertyDescription("Which selected clusters belong to it (labels and claims).")
  private ClusterSelector groupClusterSelector;

  public String getGroupName() {
    return groupName;
  }

  public void setGroupName(String groupName) {
    this.groupName = groupName;
  }

  public ClusterSelector getGroupClusterSelector() {
    return groupClusterSelector;
  }

  public void setGroupClusterSelector(ClusterSelector groupClusterSelector) {
    this.groupClusterSelector = groupClusterSelector;
  }
}
