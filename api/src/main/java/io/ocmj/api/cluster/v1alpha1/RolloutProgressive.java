package io.ocmj.api.cluster.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.util.ArrayList;
import java.util.List;

/** Progressive settings: groups that go first, and how many clusters at a time. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class RolloutProgressive extends RolloutConfig {
  @JsonPropertyDescription("Decision groups rolled out first; they tolerate no failures.")
  private List<MandatoryDecisionGroup> mandatoryDecisionGroups = new ArrayList<>();

  @JsonPropertyDescription(
      "Clusters updated at the same time (a number or a percentage; Progressive only); default"
          + " the size of a decision group.")
  private IntOrString maxConcurrency;

  public List<MandatoryDecisionGroup> getMandatoryDecisionGroups() {
    return mandatoryDecisionGroups;
  }

  public void setMandatoryDecisionGroups(List<MandatoryDecisionGroup> mandatoryDecisionGroups) {
    this.mandatoryDecisionGroups = mandatoryDecisionGroups;
  }

  public IntOrString getMaxConcurrency() {
    return maxConcurrency;
  }

  public void setMaxConcurrency(IntOrString maxConcurrency) {
    this.maxConcurrency = maxConcurrency;
  }
}
