package io.ocmj.api.cluster.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ocmj.api.UnknownFields;

/** A decision group, by name (matched first) or index. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class MandatoryDecisionGroup extends UnknownFields {
  @JsonPropertyDescription("The group's name.")
  private String groupName;

  @JsonPropertyDescription("The group's index.")
  private Integer groupIndex;

  public String getGroupName() {
    return groupName;
  }

  public void setGroupName(String groupName) {
    this.groupName = groupName;
  }

  public Integer getGroupIndex() {
    return groupIndex;
  }

  public void setGroupIndex(Integer groupIndex) {
    this.groupIndex = groupIndex;
  }
}
