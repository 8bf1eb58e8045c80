package io.ocmj.api.cluster.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.ocmj.api.UnknownFields;
import java.util.ArrayList;
import java.util.List;

/** How clusters are scored: Additive (default weights kept) or Exact, and the weights. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class PrioritizerPolicy extends UnknownFields {
  @JsonPropertyDescription("Additive (default) or Exact.")
  @Pattern("^(Additive|Exact)$")
  private String mode;

  @JsonPropertyDescription("Score coordinates and their weights.")
  private List<PrioritizerConfig> configurations = new ArrayList<>();

  public String getMode() {
    return mode;
  }

  public void setMode(String mode) {
    this.mode = mode;
  }

  public List<PrioritizerConfig> getConfigurations() {
    return configurations;
  }

  public void setConfigurations(List<PrioritizerConfig> configurations) {
    this.configurations = configurations;
  }
}
