package io.ocmj.api.work.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ocmj.api.UnknownFields;
import java.util.ArrayList;
import java.util.List;

/** Desired state of a ManifestWork: the manifests to apply on one managed cluster. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ManifestWorkSpec extends UnknownFields {
  @JsonPropertyDescription("The manifests the work agent applies on the managed cluster.")
  private ManifestsTemplate workload = new ManifestsTemplate();

  @JsonPropertyDescription(
      "What happens to applied resources when the work or a manifest is removed.")
  private DeleteOption deleteOption;

  @JsonPropertyDescription(
      "Per-resource options: status feedback, update strategy, condition rules.")
  private List<ManifestConfigOption> manifestConfigs = new ArrayList<>();

  @JsonPropertyDescription(
      "The identity the work agent uses (or checks) when applying the manifests.")
  private ManifestWorkExecutor executor;

  public ManifestsTemplate getWorkload() {
    return workload;
  }

  public void setWorkload(ManifestsTemplate workload) {
    this.workload = workload;
  }

  public DeleteOption getDeleteOption() {
    return deleteOption;
  }

  public void setDeleteOption(DeleteOption deleteOption) {
    this.deleteOption = deleteOption;
  }

  public List<ManifestConfigOption> getManifestConfigs() {
    return manifestConfigs;
  }

  public void setManifestConfigs(List<ManifestConfigOption> manifestConfigs) {
    this.manifestConfigs = manifestConfigs;
  }

  public ManifestWorkExecutor getExecutor() {
    return executor;
  }

  public void setExecutor(ManifestWorkExecutor executor) {
    this.executor = executor;
  }
}
