package io.ocmj.api.addon.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** An add-on configuration object and the hash of its spec at some point of a rollout. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ConfigSpecHash extends ConfigReferent {
  @JsonPropertyDescription("Hash of the configuration's spec.")
  private String specHash;

  public String getSpecHash() {
    return specHash;
  }

  public void setSpecHash(String specHash) {
    this.specHash = specHash;
  }
}
