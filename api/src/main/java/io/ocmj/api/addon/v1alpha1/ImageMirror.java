package io.ocmj.api.addon.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.ocmj.api.UnknownFields;

/** Replaces an image registry (or every one) in the agent's manifests. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ImageMirror extends UnknownFields {
  @JsonPropertyDescription("The registry images are taken from instead.")
  @Required
  private String mirror;

  @JsonPropertyDescription("The registry replaced; empty replaces every registry.")
  private String source;

  public String getMirror() {
    return mirror;
  }

  public void setMirror(String mirror) {
    this.mirror = mirror;
  }

  public String getSource() {
    return source;
  }

  public void setSource(String source) {
    this.source = source;
  }
}
