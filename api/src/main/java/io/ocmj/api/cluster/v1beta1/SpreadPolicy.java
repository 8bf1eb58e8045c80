package io.ocmj.api.cluster.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import io.ocmj.api.UnknownFields;
import java.util.ArrayList;
import java.util.List;

/** How selected clusters are spread over topologies. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class SpreadPolicy extends UnknownFields {
  @JsonPropertyDescription("Up to 8 constraints.")
  @Size(max = 8)
  private List<SpreadConstraint> spreadConstraints = new ArrayList<>();

  public List<SpreadConstraint> getSpreadConstraints() {
    return spreadConstraints;
  }

  public void setSpreadConstraints(List<SpreadConstraint> spreadConstraints) {
    this.spreadConstraints = spreadConstraints;
  }
}
