package io.ocmj.api.work.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.ocmj.api.UnknownFields;

/** How applied resources are deleted. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class DeleteOption extends UnknownFields {
  @JsonPropertyDescription(
      "Foreground (default) deletes applied resources; Orphan keeps them; SelectivelyOrphan keeps those listed.")
  @Default("Foreground")
  private PropagationPolicy propagationPolicy;

  @JsonPropertyDescription("The resources kept when propagationPolicy is SelectivelyOrphan.")
  private SelectivelyOrphan selectivelyOrphans;

  @JsonPropertyDescription(
      "Delete the work this many seconds after its Complete condition became True.")
  @Min(0)
  private Long ttlSecondsAfterFinished;

  public PropagationPolicy getPropagationPolicy() {
    return propagationPolicy;
  }

  public void setPropagationPolicy(PropagationPolicy propagationPolicy) {
    this.propagationPolicy = propagationPolicy;
  }

  public SelectivelyOrphan getSelectivelyOrphans() {
    return selectivelyOrphans;
  }

  public void setSelectivelyOrphans(SelectivelyOrphan selectivelyOrphans) {
    this.selectivelyOrphans = selectivelyOrphans;
  }

  public Long getTtlSecondsAfterFinished() {
    return ttlSecondsAfterFinished;
  }

  public void setTtlSecondsAfterFinished(Long ttlSecondsAfterFinished) {
    this.ttlSecondsAfterFinished = ttlSecondsAfterFinished;
  }
}
