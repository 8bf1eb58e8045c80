package io.ocmj.api.cluster.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.ocmj.api.UnknownFields;

/** One prioritizer and its weight. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class PrioritizerConfig extends UnknownFields {
  @JsonPropertyDescription("Which score.")
  @Required
  private ScoreCoordinate scoreCoordinate;

  @JsonPropertyDescription("Weight from -10 to 10 (default 1).")
  @Min(-10)
  @Max(10)
  private Integer weight;

  public ScoreCoordinate getScoreCoordinate() {
    return scoreCoordinate;
  }

  public void setScoreCoordinate(ScoreCoordinate scoreCoordinate) {
    this.scoreCoordinate = scoreCoordinate;
  }

  public Integer getWeight() {
    return weight;
  }

  public void setWeight(Integer weight) {
    this.weight = weight;
  }
}
