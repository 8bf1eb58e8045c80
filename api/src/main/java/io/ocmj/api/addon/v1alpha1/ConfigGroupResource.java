package io.ocmj.api.addon.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.ocmj.api.UnknownFields;

/** The group and resource of an add-on configuration kind. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ConfigGroupResource extends UnknownFields {
  // "" is the core group and half of the list-map key, so it is written when set. The default is
  // JSON because the CRD generator parses it: a bare "" would become a null default.
  @JsonPropertyDescription("API group of the configuration; empty for the core group.")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Default("\"\"")
  private String group;

  @JsonPropertyDescription("Resource (plural) of the configuration, e.g. addondeploymentconfigs.")
  @Required
  @Size(min = 1)
  private String resource;

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
}
