package io.ocmj.api.addon.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A configuration kind an add-on supports, and the object used when a cluster names none. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ConfigMeta extends ConfigGroupResource {
  @JsonPropertyDescription("The configuration every add-on of this kind uses by default.")
  private ConfigReferent defaultConfig;

  public ConfigReferent getDefaultConfig() {
    return defaultConfig;
  }

  public void setDefaultConfig(ConfigReferent defaultConfig) {
    this.defaultConfig = defaultConfig;
  }
}
