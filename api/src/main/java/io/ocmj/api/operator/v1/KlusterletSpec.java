package io.ocmj.api.operator.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ocmj.api.UnknownFields;

/** Desired state of a Klusterlet: which cluster it joins as, and where its agents run. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class KlusterletSpec extends UnknownFields {
  @JsonPropertyDescription("Name of the ManagedCluster this agent registers on the hub.")
  private String clusterName;

  @JsonPropertyDescription(
      "Namespace of the agents and their secrets (default open-cluster-management-agent).")
  private String namespace;

  public String getClusterName() {
    return clusterName;
  }

  public void setClusterName(String clusterName) {
    this.clusterName = clusterName;
  }

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }
}
