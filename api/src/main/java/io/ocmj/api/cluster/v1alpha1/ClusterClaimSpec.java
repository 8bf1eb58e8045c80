package io.ocmj.api.cluster.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.ocmj.api.UnknownFields;

/** Desired state of a ClusterClaim: the claimed value. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ClusterClaimSpec extends UnknownFields {
  @JsonPropertyDescription("The claim's value.")
  @Required
  @Size(min = 1, max = 1024)
  private String value;

  public String getValue() {
    return value;
  }

  public void setValue(String value) {
    this.value = value;
  }
}
