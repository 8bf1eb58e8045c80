package io.ocmj.api.work.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.ocmj.api.UnknownFields;
import io.ocmj.api.cluster.v1alpha1.RolloutStrategy;

/** A Placement in the replica set's namespace, and how to roll out to its clusters. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class LocalPlacementReference extends UnknownFields {
  @JsonPropertyDescription("Name of the Placement.")
  @Required
  private String name;

  @JsonPropertyDescription("How to roll out to its clusters; default All.")
  private RolloutStrategy rolloutStrategy;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public RolloutStrategy getRolloutStrategy() {
    return rolloutStrategy;
  }

  public void setRolloutStrategy(RolloutStrategy rolloutStrategy) {
    this.rolloutStrategy = rolloutStrategy;
  }
}
