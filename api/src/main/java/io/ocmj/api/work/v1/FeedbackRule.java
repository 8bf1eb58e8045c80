package io.ocmj.api.work.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.ocmj.api.UnknownFields;
import java.util.ArrayList;
import java.util.List;

/** A rule for status feedback. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class FeedbackRule extends UnknownFields {
  @JsonPropertyDescription("WellKnownStatus or JSONPaths.")
  @Required
  private FeedbackType type;

  @JsonPropertyDescription("The JSON paths to read when type is JSONPaths.")
  private List<JsonPath> jsonPaths = new ArrayList<>();

  public FeedbackType getType() {
    return type;
  }

  public void setType(FeedbackType type) {
    this.type = type;
  }

  public List<JsonPath> getJsonPaths() {
    return jsonPaths;
  }

  public void setJsonPaths(List<JsonPath> jsonPaths) {
    this.jsonPaths = jsonPaths;
  }
}
