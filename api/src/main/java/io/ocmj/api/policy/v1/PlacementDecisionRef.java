package io.ocmj.api.policy.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ocmj.api.UnknownFields;

/** A cluster selected for a policy. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class PlacementDecisionRef extends UnknownFields {

  private String clusterName;

  private String clusterNamespace;

  public String getClusterName() {
    return clusterName;
  }

  public void setClusterName(String clusterName) {
    this.clusterName = clusterName;
  }

  public String getClusterNamespace() {
    return clusterNamespace;
  }

  public void setClusterNamespace(String clusterNamespace) {
    this.clusterNamespace = clusterNamespace;
  }
}
