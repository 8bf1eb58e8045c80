package io.ocmj.api.work.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.ocmj.api.UnknownFields;

/** Identifies one resource applied by a ManifestWork; namespace and name accept * wildcards. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ResourceIdentifier extends UnknownFields {
  @JsonPropertyDescription("API group; empty for the core group.")
  private String group;

  @JsonPropertyDescription("Resource (plural), e.g. deployments.")
  @Required
  private String resource;

  @JsonPropertyDescription("Object name.")
  @Required
  private String name;

  @JsonPropertyDescription("Object namespace; empty for cluster-scoped objects.")
  private String namespace;

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

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }
}
