package io.ocmj.api.gitops.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.ocmj.api.UnknownFields;

/**
 * Which revision of the repository: commit over semver over tag over branch (Flux's precedence).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class GitRef extends UnknownFields {
  @JsonPropertyDescription("Branch to follow (default main when nothing else is set).")
  private String branch;

  @JsonPropertyDescription("Tag to check out.")
  private String tag;

  @JsonPropertyDescription(
      "Semver range over the tags (e.g. '>=1.2.0 <2.0.0'); the highest match wins.")
  private String semver;

  @JsonPropertyDescription("A full commit SHA; with branch, it must be on that branch.")
  @Pattern("^[0-9a-f]{40}$")
  private String commit;

  public String getBranch() {
    return branch;
  }

  public void setBranch(String branch) {
    this.branch = branch;
  }

  public String getTag() {
    return tag;
  }

  public void setTag(String tag) {
    this.tag = tag;
  }

  public String getSemver() {
    return semver;
  }

  public void setSemver(String semver) {
    this.semver = semver;
  }

  public String getCommit() {
    return commit;
  }

  public void setCommit(String commit) {
    this.commit = commit;
  }
}
