package io.ocmj.api.cluster.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import io.ocmj.api.UnknownFields;
import java.util.ArrayList;
import java.util.List;

/** The scores, until when they hold, and conditions. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class AddOnPlacementScoreStatus extends UnknownFields {
  @JsonPropertyDescription("Conditions of the scores.")
  private List<Condition> conditions = new ArrayList<>();

  @JsonPropertyDescription("The scores, by name (values from -100 to 100).")
  private List<AddOnPlacementScoreItem> scores = new ArrayList<>();

  @JsonPropertyDescription(
      "When the scores stop being valid (RFC 3339); unset means they never expire.")
  private String validUntil;

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public List<AddOnPlacementScoreItem> getScores() {
    return scores;
  }

  public void setScores(List<AddOnPlacementScoreItem> scores) {
    this.scores = scores;
  }

  public String getValidUntil() {
    return validUntil;
  }

  public void setValidUntil(String validUntil) {
    this.validUntil = validUntil;
  }
}
