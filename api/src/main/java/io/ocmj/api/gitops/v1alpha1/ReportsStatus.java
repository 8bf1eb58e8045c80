package io.ocmj.api.gitops.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ocmj.api.UnknownFields;

/** What became of the compliance snapshots (written by the hub's reports writer only). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ReportsStatus extends UnknownFields {
  @JsonPropertyDescription("The last commit the hub made on the reports branch.")
  private String lastCommit;

  @JsonPropertyDescription("When that commit was made.")
  private String lastPublished;

  @JsonPropertyDescription("Why the last attempt failed; empty when it succeeded.")
  private String error;

  public String getLastCommit() {
    return lastCommit;
  }

  public void setLastCommit(String lastCommit) {
    this.lastCommit = lastCommit;
  }

  public String getLastPublished() {
    return lastPublished;
  }

  public void setLastPublished(String lastPublished) {
    this.lastPublished = lastPublished;
  }

  public String getError() {
    return error;
  }

  public void setError(String error) {
    this.error = error;
  }
}
