package io.ocmj.api.policy.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.ocmj.api.UnknownFields;

/** An object whose compliance state a policy or template waits for. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class PolicyDependency extends UnknownFields {

  private String apiVersion;

  private String kind;

  @Required private String name;

  @JsonPropertyDescription("Empty for cluster-scoped kinds and policy engine kinds.")
  private String namespace;

  @JsonPropertyDescription("The state the object must be in.")
  @Required
  @Pattern("^(Compliant|Pending|NonCompliant)$")
  private String compliance;

  public String getApiVersion() {
    return apiVersion;
  }

  public void setApiVersion(String apiVersion) {
    this.apiVersion = apiVersion;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
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

  public String getCompliance() {
    return compliance;
  }

  public void setCompliance(String compliance) {
    this.compliance = compliance;
  }
}
