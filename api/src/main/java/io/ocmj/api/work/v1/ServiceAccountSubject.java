package io.ocmj.api.work.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.ocmj.api.UnknownFields;

/** A service account on the managed cluster. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ServiceAccountSubject extends UnknownFields {
  @JsonPropertyDescription("Namespace of the service account.")
  @Required
  private String namespace;

  @JsonPropertyDescription("Name of the service account.")
  @Required
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
