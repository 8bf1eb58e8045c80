package io.ocmj.api.cluster.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ocmj.api.UnknownFields;

/** How the selected clusters are divided into decision groups. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class DecisionStrategy extends UnknownFields {
  @JsonPropertyDescription("Named groups and the largest group size.")
  private GroupStrategy groupStrategy;

  public GroupStrategy getGroupStrategy() {
    return groupStrategy;
  }

  public void setGroupStrategy(GroupStrategy groupStrategy) {
    this.groupStrategy = groupStrategy;
  }
}
