package io.ocmj.api.cluster.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.ocmj.api.UnknownFields;

/** Desired state of a ManagedClusterSetBinding. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ManagedClusterSetBindingSpec extends UnknownFields {
  @JsonPropertyDescription("The set bound into this namespace; must equal the binding's name.")
  @Required
  @Size(min = 1)
  private String clusterSet;

  public String getClusterSet() {
    return clusterSet;
  }

  public void setClusterSet(String clusterSet) {
    this.clusterSet = clusterSet;
  }
}
