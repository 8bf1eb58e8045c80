package io.ocmj.api.work.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ocmj.api.UnknownFields;
import java.util.ArrayList;
import java.util.List;

/** Feedback values of one manifest. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class StatusFeedbackResult extends UnknownFields {
  @JsonPropertyDescription("The values.")
  private List<FeedbackValue> values = new ArrayList<>();

  public List<FeedbackValue> getValues() {
    return values;
  }

  public void setValues(List<FeedbackValue> values) {
    this.values = values;
  }
}
