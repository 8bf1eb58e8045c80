package io.ocmj.api.work.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.ocmj.api.UnknownFields;

/** A named JSON path into a resource. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class JsonPath extends UnknownFields {
  @JsonPropertyDescription("Name of the feedback value.")
  @Required
  private String name;

  @JsonPropertyDescription("API version to read the resource at; defaults to the manifest's.")
  private String version;

  @JsonPropertyDescription("JSON path of a scalar, e.g. .status.readyReplicas.")
  @Required
  private String path;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  public String getPath() {
    return path;
  }

  public void setPath(String path) {
    this.path = path;
  }
}
