package io.ocmj.api.cluster.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ocmj.api.UnknownFields;

/** Component versions of a managed cluster. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ManagedClusterVersion extends UnknownFields {
  @JsonPropertyDescription("The managed cluster's Kubernetes version, from its /version endpoint.")
  private String kubernetes;

  public String getKubernetes() {
    return kubernetes;
  }

  public void setKubernetes(String kubernetes) {
    this.kubernetes = kubernetes;
  }
}
