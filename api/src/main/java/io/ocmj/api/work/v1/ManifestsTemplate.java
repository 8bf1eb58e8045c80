package io.ocmj.api.work.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ocmj.api.UnknownFields;
import java.util.ArrayList;
import java.util.List;

/** The manifests of a ManifestWork. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ManifestsTemplate extends UnknownFields {
  @JsonPropertyDescription(
      "Kubernetes objects to apply; each needs apiVersion, kind and metadata.name.")
  private List<Manifest> manifests = new ArrayList<>();

  public List<Manifest> getManifests() {
    return manifests;
  }

  public void setManifests(List<Manifest> manifests) {
    this.manifests = manifests;
  }
}
