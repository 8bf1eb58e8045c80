package io.ocmj.api.addon.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.ocmj.api.UnknownFields;

/** How the add-on's health is checked; set by the add-on's hub controller. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class HealthCheck extends UnknownFields {
  @JsonPropertyDescription("Lease (default) or Customized.")
  @Default("Lease")
  private HealthCheckMode mode;

  public HealthCheckMode getMode() {
    return mode;
  }

  public void setMode(HealthCheckMode mode) {
    this.mode = mode;
  }
}
