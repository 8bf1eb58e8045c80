package io.ocmj.api.work.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ocmj.api.UnknownFields;
import java.util.ArrayList;
import java.util.List;

/** The resources an AppliedManifestWork's agent applied. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class AppliedManifestWorkStatus extends UnknownFields {
  @JsonPropertyDescription("Resources applied for the work, with the UID each had when applied.")
  private List<AppliedManifestResourceMeta> appliedResources = new ArrayList<>();

  @JsonPropertyDescription(
      "When the agent found the ManifestWork gone from the hub; eviction follows a grace period.")
  private String evictionStartTime;

  public List<AppliedManifestResourceMeta> getAppliedResources() {
    return appliedResources;
  }

  public void setAppliedResources(List<AppliedManifestResourceMeta> appliedResources) {
    this.appliedResources = appliedResources;
  }

  public String getEvictionStartTime() {
    return evictionStartTime;
  }

  public void setEvictionStartTime(String evictionStartTime) {
    this.evictionStartTime = evictionStartTime;
  }
}
