package io.ocmj.api.work.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.ocmj.api.UnknownFields;
import java.util.Objects;

/** One applied resource: where it is and the UID it had when applied. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class AppliedManifestResourceMeta extends UnknownFields {
  @JsonPropertyDescription("API group; empty for the core group.")
  private String group;

  @JsonPropertyDescription("API version.")
  @Required
  private String version;

  @JsonPropertyDescription("Resource (plural).")
  @Required
  private String resource;

  @JsonPropertyDescription("Namespace; empty for cluster-scoped resources.")
  private String namespace;

  @JsonPropertyDescription("Name.")
  @Required
  private String name;

  @JsonPropertyDescription("UID of the resource when it was applied.")
  private String uid;

  public AppliedManifestResourceMeta() {}

  public AppliedManifestResourceMeta(
      String group, String version, String resource, String namespace, String name, String uid) {
    this.group = group;
    this.version = version;
    this.resource = resource;
    this.namespace = namespace;
    this.name = name;
    this.uid = uid;
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

  public String getUid() {
    return uid;
  }

  public void setUid(String uid) {
    this.uid = uid;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AppliedManifestResourceMeta other
        && Objects.equals(group, other.group)
        && Objects.equals(version, other.version)
        && Objects.equals(resource, other.resource)
        && Objects.equals(namespace, other.namespace)
        && Objects.equals(name, other.name)
        && Objects.equals(uid, other.uid);
  }

  @Override
  public int hashCode() {
    return Objects.hash(group, version, resource, namespace, name, uid);
  }
}
