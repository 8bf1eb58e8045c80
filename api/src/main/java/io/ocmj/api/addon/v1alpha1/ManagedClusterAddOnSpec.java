package io.ocmj.api.addon.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.ocmj.api.UnknownFields;
import java.util.ArrayList;
import java.util.List;

/** Install settings of an add-on on one managed cluster. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ManagedClusterAddOnSpec extends UnknownFields {
  @JsonPropertyDescription(
      "Deprecated (use AddOnDeploymentConfig agentInstallNamespace): namespace of the agent on the"
          + " managed cluster.")
  @Default(ManagedClusterAddOn.DEFAULT_INSTALL_NAMESPACE)
  @Size(max = 63)
  @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
  private String installNamespace;

  @JsonPropertyDescription("Configurations for this cluster; they override the defaults.")
  private List<AddOnConfig> configs = new ArrayList<>();

  public String getInstallNamespace() {
    return installNamespace;
  }

  public void setInstallNamespace(String installNamespace) {
    this.installNamespace = installNamespace;
  }

  public List<AddOnConfig> getConfigs() {
    return configs;
  }

  public void setConfigs(List<AddOnConfig> configs) {
    this.configs = configs;
  }
}
