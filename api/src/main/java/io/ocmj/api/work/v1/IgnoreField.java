package io.ocmj.api.work.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.ocmj.api.UnknownFields;
import java.util.ArrayList;
import java.util.List;

/** Fields ignored by server-side apply. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class IgnoreField extends UnknownFields {
  @JsonPropertyDescription("OnSpokePresent (default) or OnSpokeChange.")
  @Default("OnSpokePresent")
  private IgnoreFieldCondition condition;

  @JsonPropertyDescription("JSON paths of the ignored fields.")
  private List<String> jsonPaths = new ArrayList<>();

  public IgnoreFieldCondition getCondition() {
    return condition;
  }

  public void setCondition(IgnoreFieldCondition condition) {
    this.condition = condition;
  }

  public List<String> getJsonPaths() {
    return jsonPaths;
  }

  public void setJsonPaths(List<String> jsonPaths) {
    this.jsonPaths = jsonPaths;
  }
}
