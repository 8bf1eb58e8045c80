package io.ocmj.api.addon.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.ocmj.api.UnknownFields;

/** The namespace and name of an add-on configuration object. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ConfigReferent extends UnknownFields {
  @JsonPropertyDescription("Namespace of the configuration; unset for a cluster-scoped one.")
  private String namespace;

  @JsonPropertyDescription("Name of the configuration.")
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
