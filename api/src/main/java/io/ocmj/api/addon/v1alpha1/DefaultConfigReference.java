package io.ocmj.api.addon.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The default configuration of one supported kind, as the hub last resolved it. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class DefaultConfigReference extends ConfigGroupResource {
  @JsonPropertyDescription("The default configuration object and the hash of its spec.")
  private ConfigSpecHash desiredConfig;

  public ConfigSpecHash getDesiredConfig() {
    return desiredConfig;
  }

  public void setDesiredConfig(ConfigSpecHash desiredConfig) {
    this.desiredConfig = desiredConfig;
  }
}
