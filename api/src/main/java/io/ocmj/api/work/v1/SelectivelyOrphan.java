package io.ocmj.api.work.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ocmj.api.UnknownFields;
import java.util.ArrayList;
import java.util.List;

/** Resources to orphan when the work is deleted. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class SelectivelyOrphan extends UnknownFields {
  @JsonPropertyDescription("Resources that stay on the managed cluster.")
  private List<ResourceIdentifier> orphaningRules = new ArrayList<>();

  public List<ResourceIdentifier> getOrphaningRules() {
    return orphaningRules;
  }

  public void setOrphaningRules(List<ResourceIdentifier> orphaningRules) {
    this.orphaningRules = orphaningRules;
  }
}
