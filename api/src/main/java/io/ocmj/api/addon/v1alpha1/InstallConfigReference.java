package io.ocmj.api.addon.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Where the rollout of one configuration kind over a placement's clusters stands. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class InstallConfigReference extends ConfigGroupResource {
  @JsonPropertyDescription("The configuration being rolled out and the hash of its spec.")
  private ConfigSpecHash desiredConfig;

  @JsonPropertyDescription(
      "The last configuration that rolled out well (with canaries, the canaries' last good one).")
  private ConfigSpecHash lastKnownGoodConfig;

  @JsonPropertyDescription("The configuration every add-on of the placement last applied.")
  private ConfigSpecHash lastAppliedConfig;

  public ConfigSpecHash getDesiredConfig() {
    return desiredConfig;
  }

  public void setDesiredConfig(ConfigSpecHash desiredConfig) {
    this.desiredConfig = desiredConfig;
  }

  public ConfigSpecHash getLastKnownGoodConfig() {
    return lastKnownGoodConfig;
  }

  public void setLastKnownGoodConfig(ConfigSpecHash lastKnownGoodConfig) {
    this.lastKnownGoodConfig = lastKnownGoodConfig;
  }

  public ConfigSpecHash getLastAppliedConfig() {
    return lastAppliedConfig;
  }

  public void setLastAppliedConfig(ConfigSpecHash lastAppliedConfig) {
    this.lastAppliedConfig = lastAppliedConfig;
  }
}
