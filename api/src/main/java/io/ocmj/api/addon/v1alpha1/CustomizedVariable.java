package io.ocmj.api.addon.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.ocmj.api.UnknownFields;

/** A name and value the add-on can use when rendering its agent's manifests. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class CustomizedVariable extends UnknownFields {
  @JsonPropertyDescription("Name of the variable.")
  @Required
  @Size(max = 255)
  @Pattern("^[a-zA-Z_][_a-zA-Z0-9]*$")
  private String name;

  @JsonPropertyDescription("Value of the variable.")
  @Size(max = 1024)
  private String value;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getValue() {
    return value;
  }

  public void setValue(String value) {
    this.value = value;
  }
}
