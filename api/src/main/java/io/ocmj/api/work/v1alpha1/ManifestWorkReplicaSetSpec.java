package io.ocmj.api.work.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.ocmj.api.UnknownFields;
import io.ocmj.api.work.v1.ManifestWorkSpec;
import java.util.ArrayList;
import java.util.List;

/** The template and where it goes. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ManifestWorkReplicaSetSpec extends UnknownFields {
  @JsonPropertyDescription("The spec of the ManifestWork made for each selected cluster.")
  @Required
  private ManifestWorkSpec manifestWorkTemplate;

  @JsonPropertyDescription("Placements (in this namespace) whose decisions get the work.")
  @Required
  @Size(min = 1)
  private List<LocalPlacementReference> placementRefs = new ArrayList<>();

  @JsonPropertyDescription("Background (default) or Foreground deletion of the generated works.")
  private String cascadeDeletionPolicy;

  public ManifestWorkSpec getManifestWorkTemplate() {
    return manifestWorkTemplate;
  }

  public void setManifestWorkTemplate(ManifestWorkSpec manifestWorkTemplate) {
    this.manifestWorkTemplate = manifestWorkTemplate;
  }

  public List<LocalPlacementReference> getPlacementRefs() {
    return placementRefs;
  }

  public void setPlacementRefs(List<LocalPlacementReference> placementRefs) {
    this.placementRefs = placementRefs;
  }

  public String getCascadeDeletionPolicy() {
    return cascadeDeletionPolicy;
  }

  public void setCascadeDeletionPolicy(String cascadeDeletionPolicy) {
    this.cascadeDeletionPolicy = cascadeDeletionPolicy;
  }
}
