package io.ocmj.api.work.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.ocmj.api.UnknownFields;
import java.util.ArrayList;
import java.util.List;

/** The manifests of a ManifestWork. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ManifestsTemplate extends UnknownFields {
  /** More manifests than this would not fit the size limit of one object anyway. */
  public static final int MAX_MANIFESTS = 500;

  @JsonPropertyDescription(
      "Kubernetes objects to apply; each needs apiVersion, kind and metadata.name.")
  @Required
  @Size(min = 1, max = MAX_MANIFESTS)
  @ValidationRule(
      value = "self.all(m, has(m.metadata) && has(m.metadata.name) && m.metadata.name != '')",
      message = "every manifest needs metadata.name (generateName is not supported)")
  private List<Manifest> manifests = new ArrayList<>();

  public List<Manifest> getManifests() {
    return manifests;
  }

  public void setManifests(List<Manifest> manifests) {
    this.manifests = manifests;
  }
}
