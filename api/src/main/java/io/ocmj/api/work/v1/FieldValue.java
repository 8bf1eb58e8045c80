package io.ocmj.api.work.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.ocmj.api.UnknownFields;

/** A typed scalar value. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class FieldValue extends UnknownFields {
  @JsonPropertyDescription("Integer, String, Boolean or JsonRaw.")
  @Required
  private ValueType type;

  @JsonPropertyDescription("Set when type is Integer.")
  private Long integer;

  @JsonPropertyDescription("Set when type is String.")
  private String string;

  @JsonPropertyDescription("Set when type is Boolean.")
  @JsonProperty("boolean")
  private Boolean bool;

  @JsonPropertyDescription("Set when type is JsonRaw.")
  private String jsonRaw;

  public ValueType getType() {
    return type;
  }

  public void setType(ValueType type) {
    this.type = type;
  }

  public Long getInteger() {
    return integer;
  }

  public void setInteger(Long integer) {
    this.integer = integer;
  }

  public String getString() {
    return string;
  }

  public void setString(String string) {
    this.string = string;
  }

  public Boolean getBool() {
    return bool;
  }

  public void setBool(Boolean bool) {
    this.bool = bool;
  }

  public String getJsonRaw() {
    return jsonRaw;
  }

  public void setJsonRaw(String jsonRaw) {
    this.jsonRaw = jsonRaw;
  }
}
