package io.ocmj.api.cluster.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.ocmj.api.UnknownFields;

/** A built-in prioritizer or an add-on score. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ScoreCoordinate extends UnknownFields {
  @JsonPropertyDescription("BuiltIn (default) or AddOn.")
  @Pattern("^(BuiltIn|AddOn)$")
  private String type;

  @JsonPropertyDescription("Balance, Steady, ResourceAllocatableCPU or ResourceAllocatableMemory.")
  private String builtIn;

  @JsonPropertyDescription("The AddOnPlacementScore and score name.")
  private AddOnScore addOn;

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getBuiltIn() {
    return builtIn;
  }

  public void setBuiltIn(String builtIn) {
    this.builtIn = builtIn;
  }

  public AddOnScore getAddOn() {
    return addOn;
  }

  public void setAddOn(AddOnScore addOn) {
    this.addOn = addOn;
  }
}
