package io.ocmj.api.gitops.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.ocmj.api.UnknownFields;

/** A Secret in the GitSync's namespace. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class LocalObjectReference extends UnknownFields {
  @JsonPropertyDescription("Name of the Secret.")
  @Required
  private String name;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }
}
