package io.ocmj.api.gatekeeper.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.ocmj.api.UnknownFields;
import java.util.ArrayList;
import java.util.List;

/** The constraint kind. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class Names extends UnknownFields {
  @JsonPropertyDescription("The constraint kind, e.g. K8sRequiredLabels.")
  @Required
  private String kind;

  private List<String> shortNames = new ArrayList<>();

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public List<String> getShortNames() {
    return shortNames;
  }

  public void setShortNames(List<String> shortNames) {
    this.shortNames = shortNames;
  }
}
