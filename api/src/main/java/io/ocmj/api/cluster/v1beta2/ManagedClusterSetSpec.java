package io.ocmj.api.cluster.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ocmj.api.UnknownFields;

/** Desired state of a ManagedClusterSet: which clusters belong to it. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ManagedClusterSetSpec extends UnknownFields {
  @JsonPropertyDescription("How member clusters are selected.")
  private ManagedClusterSelector clusterSelector = new ManagedClusterSelector();

  public ManagedClusterSelector getClusterSelector() {
    return clusterSelector;
  }

  public void setClusterSelector(ManagedClusterSelector clusterSelector) {
    this.clusterSelector = clusterSelector;
  }
}
