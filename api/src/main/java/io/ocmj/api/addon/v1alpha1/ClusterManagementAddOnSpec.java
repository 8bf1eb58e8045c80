package io.ocmj.api.addon.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.ocmj.api.UnknownFields;
import java.util.ArrayList;
import java.util.List;

/** What an add-on is, which configurations it takes, and where the hub installs it. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ClusterManagementAddOnSpec extends UnknownFields {
  @JsonPropertyDescription("Display name and description of the add-on.")
  private AddOnMeta addOnMeta;

  @JsonPropertyDescription("Deprecated (use supportedConfigs): the CRD and CR configuring it.")
  private ConfigCoordinates addOnConfiguration;

  @JsonPropertyDescription(
      "Configuration kinds the add-on supports, with their defaults; empty means none.")
  private List<ConfigMeta> supportedConfigs = new ArrayList<>();

  @JsonPropertyDescription("On which clusters the hub installs the add-on; default Manual.")
  @Default("{\"type\":\"" + ClusterManagementAddOn.INSTALL_STRATEGY_MANUAL + "\"}")
  private InstallStrategy installStrategy;

  public AddOnMeta getAddOnMeta() {
    return addOnMeta;
  }

  public void setAddOnMeta(AddOnMeta addOnMeta) {
    this.addOnMeta = addOnMeta;
  }

  public ConfigCoordinates getAddOnConfiguration() {
    return addOnConfiguration;
  }

  public void setAddOnConfiguration(ConfigCoordinates addOnConfiguration) {
    this.addOnConfiguration = addOnConfiguration;
  }

  public List<ConfigMeta> getSupportedConfigs() {
    return supportedConfigs;
  }

  public void setSupportedConfigs(List<ConfigMeta> supportedConfigs) {
    this.supportedConfigs = supportedConfigs;
  }

  public InstallStrategy getInstallStrategy() {
    return installStrategy;
  }

  public void setInstallStrategy(InstallStrategy installStrategy) {
    this.installStrategy = installStrategy;
  }
}
