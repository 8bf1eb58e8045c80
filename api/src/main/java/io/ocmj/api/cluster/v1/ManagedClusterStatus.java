package io.ocmj.api.cluster.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Quantity;
import io.ocmj.api.UnknownFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Observed state of a ManagedCluster, written by the hub and the agent. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ManagedClusterStatus extends UnknownFields {
  @JsonPropertyDescription(
      "Standard conditions: HubAcceptedManagedCluster, ManagedClusterJoined, ...")
  private List<Condition> conditions = new ArrayList<>();

  @JsonPropertyDescription("Sum of the capacity of the cluster's nodes, per resource name.")
  private Map<String, Quantity> capacity = new LinkedHashMap<>();

  @JsonPropertyDescription("Sum of the allocatable resources of the cluster's nodes.")
  private Map<String, Quantity> allocatable = new LinkedHashMap<>();

  @JsonPropertyDescription("Versions of the managed cluster's components.")
  private ManagedClusterVersion version;

  @JsonPropertyDescription("Claims copied from the ClusterClaim objects on the managed cluster.")
  private List<ClusterClaimStatus> clusterClaims = new ArrayList<>();

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public Map<String, Quantity> getCapacity() {
    return capacity;
  }

  public void setCapacity(Map<String, Quantity> capacity) {
    this.capacity = capacity;
  }

  public Map<String, Quantity> getAllocatable() {
    return allocatable;
  }

  public void setAllocatable(Map<String, Quantity> allocatable) {
    this.allocatable = allocatable;
  }

  public ManagedClusterVersion getVersion() {
    return version;
  }

  public void setVersion(ManagedClusterVersion version) {
    this.version = version;
  }

  public List<ClusterClaimStatus> getClusterClaims() {
    return clusterClaims;
  }

  public void setClusterClaims(List<ClusterClaimStatus> clusterClaims) {
    this.clusterClaims = clusterClaims;
  }
}
