package io.ocmj.api.cluster.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ocmj.api.UnknownFields;

/** An AddOnPlacementScore (in the cluster namespace) and one of its scores. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class AddOnScore extends UnknownFields {
  @JsonPropertyDescription("Name of the AddOnPlacementScore.")
  private String resourceName;

  @JsonPropertyDescription("Name of the score in it.")
  private String scoreName;

  public String getResourceName() {
    return resourceName;
  }

  public void setResourceName(String resourceName) {
    this.resourceName = resourceName;
  }

  public String getScoreName() {
    return scoreName;
  }

  public void setScoreName(String scoreName) {
    this.scoreName = scoreName;
  }
}
