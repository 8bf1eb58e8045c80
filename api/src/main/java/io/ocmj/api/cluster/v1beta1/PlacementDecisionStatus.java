package io.ocmj.api.cluster.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ocmj.api.UnknownFields;
import java.util.ArrayList;
import java.util.List;

/** The decided clusters. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class PlacementDecisionStatus extends UnknownFields {
  @JsonPropertyDescription("The selected clusters, at most 100 per PlacementDecision.")
  private List<ClusterDecision> decisions = new ArrayList<>();

  public List<ClusterDecision> getDecisions() {
    return decisions;
  }

  public void setDecisions(List<ClusterDecision> decisions) {
    this.decisions = decisions;
  }
}
