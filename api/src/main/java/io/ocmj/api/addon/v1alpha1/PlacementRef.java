package io.ocmj.api.addon.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.ocmj.api.UnknownFields;

/** A Placement in any namespace. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class PlacementRef extends UnknownFields {
  @JsonPropertyDescription("Namespace of the Placement.")
  @Required
  @Size(min = 1)
  private String namespace;

  @JsonPropertyDescription("Name of the Placement.")
  @Required
  @Size(min = 1)
  private String name;

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }
}
