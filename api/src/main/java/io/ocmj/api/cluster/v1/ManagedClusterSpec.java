package io.ocmj.api.cluster.v1;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.ocmj.api.UnknownFields;
import java.util.ArrayList;
import java.util.List;

/** Desired state of a ManagedCluster. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ManagedClusterSpec extends UnknownFields {
  @JsonPropertyDescription(
      "Addresses of the managed cluster's API server, set by the agent when it registers.")
  private List<ClientConfig> managedClusterClientConfigs = new ArrayList<>();

  @JsonPropertyDescription(
      "The hub's opt-in: true once a hub admin accepts the cluster; false denies it access.")
  @Default("false")
  private Boolean hubAcceptsClient;

  @JsonPropertyDescription(
      "How often, in seconds, the agent renews its lease on the hub; 0 is treated as 60.")
  @Default("60")
  @Min(0)
  @Max(2147483647)
  private Integer leaseDurationSeconds;

  @JsonPropertyDescription("Taints that keep placements from selecting the cluster.")
  private List<Taint> taints = new ArrayList<>();

  public List<ClientConfig> getManagedClusterClientConfigs() {
    return managedClusterClientConfigs;
  }

  public void setManagedClusterClientConfigs(List<ClientConfig> managedClusterClientConfigs) {
    this.managedClusterClientConfigs = managedClusterClientConfigs;
  }

  public Boolean getHubAcceptsClient() {
    return hubAcceptsClient;
  }

  /** Whether the hub accepts the cluster; unset means no. */
  @JsonIgnore
  public boolean isAccepted() {
    return Boolean.TRUE.equals(hubAcceptsClient);
  }

  public void setHubAcceptsClient(Boolean hubAcceptsClient) {
    this.hubAcceptsClient = hubAcceptsClient;
  }

  public Integer getLeaseDurationSeconds() {
    return leaseDurationSeconds;
  }

  public void setLeaseDurationSeconds(Integer leaseDurationSeconds) {
    this.leaseDurationSeconds = leaseDurationSeconds;
  }

  public List<Taint> getTaints() {
    return taints;
  }

  public void setTaints(List<Taint> taints) {
    this.taints = taints;
  }
}
