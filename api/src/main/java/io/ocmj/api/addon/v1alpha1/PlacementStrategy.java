package io.ocmj.api.addon.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.ocmj.api.cluster.v1alpha1.RolloutStrategy;
import java.util.ArrayList;
import java.util.List;

/**
 * A Placement whose clusters get the add-on, the configurations they start with, and how changes of
 * those configurations roll out.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class PlacementStrategy extends PlacementRef {
  @JsonPropertyDescription(
      "Configurations of the add-ons installed here; a ManagedClusterAddOn's own configs win.")
  private List<AddOnConfig> configs = new ArrayList<>();

  @JsonPropertyDescription("How configuration changes roll out over the clusters; default All.")
  @Default("{\"type\":\"All\"}")
  private RolloutStrategy rolloutStrategy;

  public List<AddOnConfig> getConfigs() {
    return configs;
  }

  public void setConfigs(List<AddOnConfig> configs) {
    this.configs = configs;
  }

  public RolloutStrategy getRolloutStrategy() {
    return rolloutStrategy;
  }

  public void setRolloutStrategy(RolloutStrategy rolloutStrategy) {
    this.rolloutStrategy = rolloutStrategy;
  }
}
