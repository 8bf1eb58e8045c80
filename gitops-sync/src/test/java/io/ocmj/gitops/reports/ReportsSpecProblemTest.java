package io.ocmj.gitops.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.ocmj.api.gitops.v1alpha1.GitSync;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A GitSync's spec.reports that the hub cannot use is named, field first, in its status. */
class ReportsSpecProblemTest {
  private static GitSync sync(String ref, String reports) {
    return Serialization.unmarshal(
        """
        apiVersion: gitops.ocmj.io/v1alpha1
        kind: GitSync
        metadata: {name: fleet, namespace: gitops}
        spec:
          url: file:///repo
          %s
          reports:
            %s
        """
            .formatted(ref, reports),
        GitSync.class);
  }

  private static Optional<String> problem(String ref, String reports) {
    GitSync sync = sync(ref, reports);
    return ComplianceReporter.problem(sync, sync.getSpec().getReports());
  }

  @Test
  void theDefaultsAreFine() {
    assertThat(problem("ref: {branch: main}", "interval: 30s")).isEmpty();
  }

  @Test
  void reportsOnTheSyncedBranchAreRefused() {
    assertThat(problem("ref: {branch: main}", "branch: main"))
        .contains(
            "spec.reports.branch: main is the branch this GitSync syncs; reports need a branch of"
                + " their own");
    assertThat(problem("ref: {}", "branch: main")).as("no ref: main is synced").isPresent();
    assertThat(problem("ref: {tag: v1}", "branch: main"))
        .as("a tag is synced, not the branch")
        .isEmpty();
  }

  @Test
  void aPathLeavingTheBranchIsRefused() {
    for (String path : new String[] {"..", "../x", "a/../../x", "a/.."}) {
      assertThat(problem("ref: {branch: main}", "path: \"" + path + "\""))
          .as(path)
          .contains("spec.reports.path: " + path + " must stay inside the branch");
    }
    assertThat(problem("ref: {branch: main}", "path: reports/compliance")).isEmpty();
  }

  @Test
  void aBranchGitWouldNotTakeIsRefused() {
    for (String branch : new String[] {"a..b", "x.lock", "ends/", "a//b"}) {
      assertThat(problem("ref: {branch: main}", "branch: \"" + branch + "\""))
          .as(branch)
          .contains("spec.reports.branch: " + branch + " is not a valid Git branch name");
    }
  }
}
