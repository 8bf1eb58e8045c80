package io.ocmj.api.work.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import io.ocmj.api.UnknownFields;
import java.util.ArrayList;
import java.util.List;

/** Status of one manifest. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ManifestCondition extends UnknownFields {
  @JsonPropertyDescription("Which resource this is.")
  private ManifestResourceMeta resourceMeta;

  @JsonPropertyDescription("Values read back according to the feedback rules.")
  private StatusFeedbackResult statusFeedback;

  @JsonPropertyDescription(
      "Conditions of this manifest: Applied, Available, StatusFeedbackSynced, rule-defined.")
  private List<Condition> conditions = new ArrayList<>();

  public ManifestResourceMeta getResourceMeta() {
    return resourceMeta;
  }

  public void setResourceMeta(ManifestResourceMeta resourceMeta) {
    this.resourceMeta = resourceMeta;
  }

  public StatusFeedbackResult getStatusFeedback() {
    return statusFeedback;
  }

  public void setStatusFeedback(StatusFeedbackResult statusFeedback) {
    this.statusFeedback = statusFeedback;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }
}
