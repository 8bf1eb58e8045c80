package io.ocmj.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocmj.cli.CliRun;
import io.ocmj.gitops.GitAuth;
import io.ocmj.gitops.reports.PolicyCompliance;
import io.ocmj.gitops.reports.ReportsBranch;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ocmj compliance --since} on a real reports branch (a bare repository, file://). */
class ComplianceSinceTest {
  private static final String REV_A = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678";
  private static final String REV_B = "b1b2c3d4e5f60718293a4b5c6d7e8f9012345678";

  private static CliRun ocmj(String... args) {
    return CliRun.of(args);
  }

  private static PolicyCompliance p1(String rev, String c1, String c2) {
    return new PolicyCompliance(
        "policies/p1",
        rev,
        c1,
        List.of(
            new PolicyCompliance.ClusterState("c1", c1, c1 + "; c1"),
            new PolicyCompliance.ClusterState("c2", c2, c2 + "; c2")));
  }

  @Test
  void showsWhatACommitDidToComplianceAndRefusesBadInput(@TempDir Path dir) throws Exception {
    Path remote = dir.resolve("fleet.git");
    Git.init().setBare(true).setDirectory(remote.toFile()).call().close();
    String url = remote.toUri().toString();
    ReportsBranch hub =
        new ReportsBranch(dir.resolve("hub"), url, "ocmj-reports", "compliance", GitAuth.none());
    Instant now = Instant.parse("2026-11-26T10:00:00Z");
    hub.publish(Map.of("policies/p1", p1(REV_A, "Compliant", "Compliant")), now);
    hub.publish(Map.of("policies/p1", p1(REV_B, "NonCompliant", "NonCompliant")), now);

    CliRun run = ocmj("compliance", "--since", "b1b2c3d", "--repo", url);
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("Compliance changes attributed to b1b2c3d (branch ocmj-reports):")
        .contains("policies/p1: 2 → NonCompliant (c1, c2) at rev b1b2c3d")
        .contains("Net change from just before it to the newest report:");

    CliRun json = ocmj("compliance", "--since", "b1b2c3d", "--repo", url, "-o", "json");
    assertThat(json.out())
        .contains("\"net\":[\"policies/p1: 2 → NonCompliant (c1, c2) at rev b1b2c3d\"]");

    CliRun none = ocmj("compliance", "--since", "0123abcd", "--repo", url);
    assertThat(none.exit()).isZero();
    assertThat(none.out())
        .isEqualTo("No compliance change on branch ocmj-reports is attributed to 0123abcd.\n");

    CliRun notSha = ocmj("compliance", "--since", "main", "--repo", url);
    assertThat(notSha.exit()).isEqualTo(1);
    assertThat(notSha.err())
        .contains("ocmj: compliance --since main: a commit SHA (4 to 40 hex digits) is needed");

    CliRun noBranch = ocmj("compliance", "--since", "b1b2c3d", "--repo", url, "--branch", "nope");
    assertThat(noBranch.exit()).isEqualTo(1);
    assertThat(noBranch.err()).contains("has no branch nope");
  }
}
