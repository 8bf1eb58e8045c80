package io.ocmj.api.cluster.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ocmj.api.UnknownFields;

/** One predicate: clusters must match its selector. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ClusterPredicate extends UnknownFields {
  @JsonPropertyDescription("Label, claim and CEL selectors, ANDed.")
  private ClusterSelector requiredClusterSelector;

  public ClusterSelector getRequiredClusterSelector() {
    return requiredClusterSelector;
  }

  public void setRequiredClusterSelector(ClusterSelector requiredClusterSelector) {
    this.requiredClusterSelector = requiredClusterSelector;
  }
}
