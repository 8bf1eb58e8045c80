package io.ocmj.api.addon.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.ocmj.api.UnknownFields;
import java.util.ArrayList;
import java.util.List;

/** How to deploy an add-on's agent. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class AddOnDeploymentConfigSpec extends UnknownFields {
  @JsonPropertyDescription("Variables the add-on uses when rendering its agent, by name.")
  private List<CustomizedVariable> customizedVariables = new ArrayList<>();

  @JsonPropertyDescription("Where the agent's pods run; unset leaves it to the add-on.")
  private NodePlacement nodePlacement;

  @JsonPropertyDescription("Registries replaced in the agent's images.")
  private List<ImageMirror> registries = new ArrayList<>();

  @JsonPropertyDescription("Proxy settings of the agent.")
  private ProxyConfig proxyConfig;

  // "" (use the AddOnTemplate's namespace) differs from unset (the default), so it is written.
  @JsonPropertyDescription(
      "Namespace of the agent on the managed cluster; empty means the AddOnTemplate's namespace.")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Default(ManagedClusterAddOn.DEFAULT_INSTALL_NAMESPACE)
  @Size(max = 63)
  @Pattern("^([a-z0-9]([-a-z0-9]*[a-z0-9])?)?$")
  private String agentInstallNamespace;

  @JsonPropertyDescription("Compute resources of agent containers, by containerID.")
  private List<ContainerResourceRequirements> resourceRequirements = new ArrayList<>();

  @JsonPropertyDescription("Replica counts of agent workloads.")
  private List<ReplicaConfig> replicaConfigs = new ArrayList<>();

  public List<CustomizedVariable> getCustomizedVariables() {
    return customizedVariables;
  }

  public void setCustomizedVariables(List<CustomizedVariable> customizedVariables) {
    this.customizedVariables = customizedVariables;
  }

  public NodePlacement getNodePlacement() {
    return nodePlacement;
  }

  public void setNodePlacement(NodePlacement nodePlacement) {
    this.nodePlacement = nodePlacement;
  }

  public List<ImageMirror> getRegistries() {
    return registries;
  }

  public void setRegistries(List<ImageMirror> registries) {
    this.registries = registries;
  }

  public ProxyConfig getProxyConfig() {
    return proxyConfig;
  }

  public void setProxyConfig(ProxyConfig proxyConfig) {
    this.proxyConfig = proxyConfig;
  }

  public String getAgentInstallNamespace() {
    return agentInstallNamespace;
  }

  public void setAgentInstallNamespace(String agentInstallNamespace) {
    this.agentInstallNamespace = agentInstallNamespace;
  }

  public List<ContainerResourceRequirements> getResourceRequirements() {
    return resourceRequirements;
  }

  public void setResourceRequirements(List<ContainerResourceRequirements> resourceRequirements) {
    this.resourceRequirements = resourceRequirements;
  }

  public List<ReplicaConfig> getReplicaConfigs() {
    return replicaConfigs;
  }

  public void setReplicaConfigs(List<ReplicaConfig> replicaConfigs) {
    this.replicaConfigs = replicaConfigs;
  }
}
