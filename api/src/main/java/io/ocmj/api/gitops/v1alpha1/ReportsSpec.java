package io.ocmj.api.gitops.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.ocmj.api.UnknownFields;

/**
 * Compliance in Git: the hub commits a snapshot of the compliance of this GitSync's Policies (one
 * YAML per policy) to a branch of the same repository whenever it changes.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ReportsSpec extends UnknownFields {
  public static final String DEFAULT_BRANCH = "ocmj-reports";
  public static final String DEFAULT_PATH = "compliance";
  public static final String DEFAULT_INTERVAL = "30s";

  @JsonPropertyDescription(
      "Branch the snapshots are committed to (default ocmj-reports); not the branch synced.")
  @Pattern("^[A-Za-z0-9._][A-Za-z0-9._/-]*$")
  private String branch;

  @JsonPropertyDescription("Folder of the snapshot in that branch (default compliance).")
  @Pattern("^[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*$")
  private String path;

  @JsonPropertyDescription("How often compliance is compared with the branch (default 30s).")
  @Pattern("^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$")
  private String interval;

  public String getBranch() {
    return branch;
  }

  public void setBranch(String branch) {
    this.branch = branch;
  }

  public String getPath() {
    return path;
  }

  public void setPath(String path) {
    this.path = path;
  }

  public String getInterval() {
    return interval;
  }

  public void setInterval(String interval) {
    this.interval = interval;
  }

  /** The branch, or the default. */
  public String branchOrDefault() {
    return branch == null || branch.isEmpty() ? DEFAULT_BRANCH : branch;
  }

  /** The folder, or the default. */
  public String pathOrDefault() {
    return path == null || path.isEmpty() ? DEFAULT_PATH : path;
  }
}
