package io.ocmj.api.cluster.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.ocmj.api.UnknownFields;

/** One ClusterClaim reported in a ManagedCluster's status. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ClusterClaimStatus extends UnknownFields {
  @JsonPropertyDescription("The claim's name, e.g. id.k8s.io.")
  @Required
  @Size(min = 1, max = 253)
  private String name;

  @JsonPropertyDescription("The claim's value.")
  @Required
  @Size(min = 1, max = 1024)
  private String value;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getValue() {
    return value;
  }

  public void setValue(String value) {
    this.value = value;
  }
}
