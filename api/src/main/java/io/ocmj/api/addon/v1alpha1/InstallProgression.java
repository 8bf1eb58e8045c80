package io.ocmj.api.addon.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

/** How installing and configuring the add-on goes on the clusters of one install placement. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class InstallProgression extends PlacementRef {
  @JsonPropertyDescription("Rollout state of each configuration kind.")
  private List<InstallConfigReference> configReferences = new ArrayList<>();

  @JsonPropertyDescription("Progressing, with the reasons of ManagedClusterAddOn's Progressing.")
  private List<Condition> conditions = new ArrayList<>();

  public List<InstallConfigReference> getConfigReferences() {
    return configReferences;
  }

  public void setConfigReferences(List<InstallConfigReference> configReferences) {
    this.configReferences = configReferences;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }
}
