package io.ocmj.api.work.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ocmj.api.UnknownFields;

/** Identity of an applied manifest. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ManifestResourceMeta extends UnknownFields {
  @JsonPropertyDescription("Index of the manifest in spec.workload.manifests.")
  private Integer ordinal;

  @JsonPropertyDescription("API group.")
  private String group;

  @JsonPropertyDescription("API version.")
  private String version;

  @JsonPropertyDescription("Kind.")
  private String kind;

  @JsonPropertyDescription("Resource (plural).")
  private String resource;

  @JsonPropertyDescription("Name.")
  private String name;

  @JsonPropertyDescription("Namespace.")
  private String namespace;

  public Integer getOrdinal() {
    return ordinal;
  }

  public void setOrdinal(Integer ordinal) {
    this.ordinal = ordinal;
  }

  public String getGroup() {
    return group;
  }

  public void setGroup(String group) {
    this.group = group;
  }

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
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
