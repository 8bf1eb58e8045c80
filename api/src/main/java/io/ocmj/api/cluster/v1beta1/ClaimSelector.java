package io.ocmj.api.cluster.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.ocmj.api.UnknownFields;
import java.util.ArrayList;
import java.util.List;

/** Requirements over a cluster's claims, as label selector requirements. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ClaimSelector extends UnknownFields {
  @JsonPropertyDescription("Requirements over claim names and values.")
  private List<LabelSelectorRequirement> matchExpressions = new ArrayList<>();

  public List<LabelSelectorRequirement> getMatchExpressions() {
    return matchExpressions;
  }

  public void setMatchExpressions(List<LabelSelectorRequirement> matchExpressions) {
    this.matchExpressions = matchExpressions;
  }
}
