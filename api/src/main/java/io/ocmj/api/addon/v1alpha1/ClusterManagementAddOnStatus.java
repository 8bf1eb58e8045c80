package io.ocmj.api.addon.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ocmj.api.UnknownFields;
import java.util.ArrayList;
import java.util.List;

/** Observed state of a ClusterManagementAddOn, written by the hub's add-on manager. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ClusterManagementAddOnStatus extends UnknownFields {
  // v1alpha1's JSON key has a lower-case "c" (v1beta1 spells it defaultConfigReferences).
  @JsonProperty("defaultconfigReferences")
  @JsonPropertyDescription("The default configuration of each supported kind.")
  private List<DefaultConfigReference> defaultConfigReferences = new ArrayList<>();

  @JsonPropertyDescription("Rollout state per install placement.")
  private List<InstallProgression> installProgressions = new ArrayList<>();

  public List<DefaultConfigReference> getDefaultConfigReferences() {
    return defaultConfigReferences;
  }

  public void setDefaultConfigReferences(List<DefaultConfigReference> defaultConfigReferences) {
    this.defaultConfigReferences = defaultConfigReferences;
  }

  public List<InstallProgression> getInstallProgressions() {
    return installProgressions;
  }

  public void setInstallProgressions(List<InstallProgression> installProgressions) {
    this.installProgressions = installProgressions;
  }
}
