package io.ocmj.api.cluster.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.ocmj.api.UnknownFields;

/** Spread over the values of a label or claim. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class SpreadConstraint extends UnknownFields {
  @JsonPropertyDescription("Label key or claim name.")
  @Required
  private String topologyKey;

  @JsonPropertyDescription("Label or Claim.")
  @Required
  @Pattern("^(Label|Claim)$")
  private String topologyKeyType;

  @JsonPropertyDescription("Largest allowed difference between topologies (default 1).")
  @Min(1)
  private Integer maxSkew;

  @JsonPropertyDescription("DoNotSchedule or ScheduleAnyway (default).")
  @Pattern("^(DoNotSchedule|ScheduleAnyway)$")
  private String whenUnsatisfiable;

  public String getTopologyKey() {
    return topologyKey;
  }

  public void setTopologyKey(String topologyKey) {
    this.topologyKey = topologyKey;
  }

  public String getTopologyKeyType() {
    return topologyKeyType;
  }

  public void setTopologyKeyType(String topologyKeyType) {
    this.topologyKeyType = topologyKeyType;
  }

  public Integer getMaxSkew() {
    return maxSkew;
  }

  public void setMaxSkew(Integer maxSkew) {
    this.maxSkew = maxSkew;
  }

  public String getWhenUnsatisfiable() {
    return whenUnsatisfiable;
  }

  public void setWhenUnsatisfiable(String whenUnsatisfiable) {
    this.whenUnsatisfiable = whenUnsatisfiable;
  }
}
