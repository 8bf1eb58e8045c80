package io.ocmj.api.work.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.ocmj.api.UnknownFields;
import java.util.ArrayList;
import java.util.List;

/** Options for server-side apply. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ServerSideApplyConfig extends UnknownFields {
  @JsonPropertyDescription("Take over fields owned by other managers on conflict.")
  private Boolean force;

  @JsonPropertyDescription("Field manager name; must start with work-agent.")
  @Default("work-agent")
  @Pattern("^work-agent")
  private String fieldManager;

  @JsonPropertyDescription("Fields whose changes the agent ignores.")
  private List<IgnoreField> ignoreFields = new ArrayList<>();

  public Boolean getForce() {
    return force;
  }

  public void setForce(Boolean force) {
    this.force = force;
  }

  public String getFieldManager() {
    return fieldManager;
  }

  public void setFieldManager(String fieldManager) {
    this.fieldManager = fieldManager;
  }

  public List<IgnoreField> getIgnoreFields() {
    return ignoreFields;
  }

  public void setIgnoreFields(List<IgnoreField> ignoreFields) {
    this.ignoreFields = ignoreFields;
  }
}
