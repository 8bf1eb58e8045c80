package io.ocmj.api.addon.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * A configuration an add-on on one cluster uses (from the ClusterManagementAddOn's defaults or the
 * ManagedClusterAddOn's own configs) and how far applying it has come. Its {@code namespace} and
 * {@code name} are deprecated by OCM in favour of {@code desiredConfig}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ConfigReference extends AddOnConfig {
  @JsonPropertyDescription("Deprecated (use lastAppliedConfig): observed configuration generation.")
  private Long lastObservedGeneration;

  @JsonPropertyDescription("The configuration the add-on should use and the hash of its spec.")
  private ConfigSpecHash desiredConfig;

  @JsonPropertyDescription("The configuration in the add-on's last successfully applied works.")
  private ConfigSpecHash lastAppliedConfig;

  public Long getLastObservedGeneration() {
    return lastObservedGeneration;
  }

  public void setLastObservedGeneration(Long lastObservedGeneration) {
    this.lastObservedGeneration = lastObservedGeneration;
  }

  public ConfigSpecHash getDesiredConfig() {
    return desiredConfig;
  }

  public void setDesiredConfig(ConfigSpecHash desiredConfig) {
    this.desiredConfig = desiredConfig;
  }

  public ConfigSpecHash getLastAppliedConfig() {
    return lastAppliedConfig;
  }

  public void setLastAppliedConfig(ConfigSpecHash lastAppliedConfig) {
    this.lastAppliedConfig = lastAppliedConfig;
  }
}
