package io.ocmj.api.addon.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.ocmj.api.UnknownFields;

/**
 * An object related to an add-on, by group, resource, namespace and name (OCM's add-on {@code
 * ObjectReference}, not the core one).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ObjectReference extends UnknownFields {
  // Required, and "" is the core group, so it is written when set.
  @JsonPropertyDescription("API group of the object; empty for the core group.")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Required
  private String group;

  @JsonPropertyDescription("Resource (plural) of the object.")
  @Required
  private String resource;

  @JsonPropertyDescription("Namespace of the object; unset for a cluster-scoped one.")
  private String namespace;

  @JsonPropertyDescription("Name of the object.")
  @Required
  private String name;

  public String getGroup() {
    return group;
  }

  public void setGroup(String group) {
    this.group = group;
  }

  public String getResource() {
    return resource;
  }

  public void setResource(String resource) {
    this.resource = resource;
  }

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
