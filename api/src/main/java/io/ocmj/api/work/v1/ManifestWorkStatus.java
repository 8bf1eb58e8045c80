package io.ocmj.api.work.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import io.ocmj.api.UnknownFields;
import java.util.ArrayList;
import java.util.List;

/** Observed state of a ManifestWork, reported by the work agent. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ManifestWorkStatus extends UnknownFields {
  @JsonPropertyDescription(
      "Work-level conditions: Applied, Available, Progressing, Degraded, Complete, Deleting.")
  private List<Condition> conditions = new ArrayList<>();

  @JsonPropertyDescription("Status of each manifest.")
  private ManifestResourceStatus resourceStatus;

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public ManifestResourceStatus getResourceStatus() {
    return resourceStatus;
  }

  public void setResourceStatus(ManifestResourceStatus resourceStatus) {
    this.resourceStatus = resourceStatus;
  }
}
