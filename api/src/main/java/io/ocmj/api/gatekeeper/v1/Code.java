package io.ocmj.api.gatekeeper.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.ocmj.api.UnknownFields;

/** One engine's source for a target. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class Code extends UnknownFields {
  @JsonPropertyDescription("Rego or K8sNativeValidation.")
  @Required
  private String engine;

  @Required private RawSchema source;

  public String getEngine() {
    return engine;
  }

  public void setEngine(String engine) {
    this.engine = engine;
  }

  public RawSchema getSource() {
    return source;
  }

  public void setSource(RawSchema source) {
    this.source = source;
  }
}
