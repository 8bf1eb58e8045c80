package io.ocmj.api.gitops.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.ocmj.api.UnknownFields;

/** One applied object: id <namespace>_<name>_<group>_<kind> (Flux's format) and its API version. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class InventoryEntry extends UnknownFields {
  @JsonPropertyDescription("<namespace>_<name>_<group>_<kind>.")
  @Required
  private String id;

  @JsonPropertyDescription("API version.")
  @Required
  private String v;

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getV() {
    return v;
  }

  public void setV(String v) {
    this.v = v;
  }
}
