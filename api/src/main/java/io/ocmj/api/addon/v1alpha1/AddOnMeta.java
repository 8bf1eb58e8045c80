package io.ocmj.api.addon.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ocmj.api.UnknownFields;

/** How an add-on is shown to users. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class AddOnMeta extends UnknownFields {
  @JsonPropertyDescription("Name of the add-on as displayed.")
  private String displayName;

  @JsonPropertyDescription("Detailed description of the add-on.")
  private String description;

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }
}
