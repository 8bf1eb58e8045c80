package io.ocmj.api.cluster.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import io.ocmj.api.UnknownFields;
import java.util.ArrayList;
import java.util.List;

/** Observed state of a ManagedClusterSet. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ManagedClusterSetStatus extends UnknownFields {
  @JsonPropertyDescription("Conditions: ClusterSetEmpty.")
  private List<Condition> conditions = new ArrayList<>();

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }
}
