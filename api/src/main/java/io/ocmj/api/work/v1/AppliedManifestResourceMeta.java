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

  /**
   * Equal when they name the same object. An empty field equals an absent one: the core group and a
   * cluster-scoped object's namespace are "" here and absent once written and read back (empty
   * fields are not serialized), and the two must compare equal or every resync rewrites the
   * AppliedManifestWork's status unchanged.
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof AppliedManifestResourceMeta other
        && Objects.equals(blank(group), blank(other.group))
        && Objects.equals(blank(version), blank(other.version))
        && Objects.equals(blank(resource), blank(other.resource))
        && Objects.equals(blank(namespace), blank(other.namespace))
        && Objects.equals(blank(name), blank(other.name))
        && Objects.equals(blank(uid), blank(other.uid));
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        blank(group), blank(version), blank(resource), blank(namespace), blank(name), blank(uid));
  }

  private static String blank(String s) {
    return s == null ? "" : s;
  }
}
