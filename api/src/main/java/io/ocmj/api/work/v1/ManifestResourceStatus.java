package io.ocmj.api.work.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ocmj.api.UnknownFields;
import java.util.ArrayList;
import java.util.List;

/** Status of the manifests of a work. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ManifestResourceStatus extends UnknownFields {
  @JsonPropertyDescription("One entry per manifest.")
  private List<ManifestCondition> manifests = new ArrayList<>();

  public List<ManifestCondition> getManifests() {
    return manifests;
  }

  public void setManifests(List<ManifestCondition> manifests) {
    this.manifests = manifests;
  }
}
