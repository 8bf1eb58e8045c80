package io.ocmj.api.operator.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import io.ocmj.api.UnknownFields;
import java.util.ArrayList;
import java.util.List;

/** Observed state of a Klusterlet, written by its agents. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class KlusterletStatus extends UnknownFields {
  @JsonPropertyDescription("The generation of the spec the agents last acted on.")
  private Long observedGeneration;

  @JsonPropertyDescription("Conditions: HubConnectionDegraded, ...")
  private List<Condition> conditions = new ArrayList<>();

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }
}
