package io.ocmj.api.cluster.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.ocmj.api.UnknownFields;

/** One named score. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class AddOnPlacementScoreItem extends UnknownFields {
  @JsonPropertyDescription("Name of the score.")
  @Required
  private String name;

  @JsonPropertyDescription("Value from -100 to 100.")
  @Required
  @Min(-100)
  @Max(100)
  @JsonInclude(JsonInclude.Include.ALWAYS)
  private Integer value;

  public AddOnPlacementScoreItem() {}

  public AddOnPlacementScoreItem(String name, int value) {
    this.name = name;
    this.value = value;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Integer getValue() {
    return value;
  }

  public void setValue(Integer value) {
    this.value = value;
  }
}
