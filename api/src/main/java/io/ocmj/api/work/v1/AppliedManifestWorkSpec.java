package io.ocmj.api.work.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.ocmj.api.UnknownFields;

/** Which hub and which ManifestWork an AppliedManifestWork stands for. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class AppliedManifestWorkSpec extends UnknownFields {
  @JsonPropertyDescription("Lowercase hex SHA-256 of the hub API server URL the agent uses.")
  @Required
  private String hubHash;

  @JsonPropertyDescription("Identity of the agent that applied the work; defaults to hubHash.")
  private String agentID;

  @JsonPropertyDescription("Name of the ManifestWork in the cluster namespace on the hub.")
  @Required
  private String manifestWorkName;

  public String getHubHash() {
    return hubHash;
  }

  public void setHubHash(String hubHash) {
    this.hubHash = hubHash;
  }

  public String getAgentID() {
    return agentID;
  }

  public void setAgentID(String agentID) {
    this.agentID = agentID;
  }

  public String getManifestWorkName() {
    return manifestWorkName;
  }

  public void setManifestWorkName(String manifestWorkName) {
    this.manifestWorkName = manifestWorkName;
  }
}
