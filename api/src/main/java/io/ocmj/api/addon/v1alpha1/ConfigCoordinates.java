package io.ocmj.api.addon.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ocmj.api.UnknownFields;

/** Deprecated by OCM in favour of config references: the CRD and CR that configure an add-on. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ConfigCoordinates extends UnknownFields {
  @JsonPropertyDescription("Name of the CRD that configures instances of the add-on.")
  private String crdName;

  @JsonPropertyDescription("Name of the CR that configures the add-on, the same on every cluster.")
  private String crName;

  @JsonPropertyDescription("Observed generation of the configuring CR.")
  private Long lastObservedGeneration;

  public String getCrdName() {
    return crdName;
  }

  public void setCrdName(String crdName) {
    this.crdName = crdName;
  }

  public String getCrName() {
    return crName;
  }

  public void setCrName(String crName) {
    this.crName = crName;
  }

  public Long getLastObservedGeneration() {
    return lastObservedGeneration;
  }

  public void setLastObservedGeneration(Long lastObservedGeneration) {
    this.lastObservedGeneration = lastObservedGeneration;
  }
}
