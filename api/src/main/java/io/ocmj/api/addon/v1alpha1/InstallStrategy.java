package io.ocmj.api.addon.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.ocmj.api.UnknownFields;
import java.util.ArrayList;
import java.util.List;

/** On which clusters the hub installs the add-on. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class InstallStrategy extends UnknownFields {
  @JsonPropertyDescription("Manual (default) or Placements.")
  @Default(ClusterManagementAddOn.INSTALL_STRATEGY_MANUAL)
  private InstallStrategyType type;

  @JsonPropertyDescription(
      "With type Placements, the placements whose clusters get the add-on; for a cluster in"
          + " several, the later entry wins.")
  private List<PlacementStrategy> placements = new ArrayList<>();

  public InstallStrategyType getType() {
    return type;
  }

  public void setType(InstallStrategyType type) {
    this.type = type;
  }

  public List<PlacementStrategy> getPlacements() {
    return placements;
  }

  public void setPlacements(List<PlacementStrategy> placements) {
    this.placements = placements;
  }
}
