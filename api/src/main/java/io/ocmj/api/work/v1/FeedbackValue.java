package io.ocmj.api.work.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.ocmj.api.UnknownFields;

/** One named feedback value. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class FeedbackValue extends UnknownFields {
  @JsonPropertyDescription("Name of the value.")
  @Required
  private String name;

  @JsonPropertyDescription("The value.")
  @Required
  private FieldValue fieldValue;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public FieldValue getFieldValue() {
    return fieldValue;
  }

  public void setFieldValue(FieldValue fieldValue) {
    this.fieldValue = fieldValue;
  }
}
