package io.ocmj.gitops.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocmj.gitops.GitAuth;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reports branch on real repositories (a bare remote served as file://). */
class ReportsBranchTest {
  private static final String REV_A = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678";
  private static final String REV_B = "b1b2c3d4e5f60718293a4b5c6d7e8f9012345678";
  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

  @TempDir Path dir;
  private String url;

  @BeforeEach
  void remote() throws Exception {
    Path remote = dir.resolve("remote.git");
    Git.init().setBare(true).setDirectory(remote.toFile()).call().close();
    url = remote.toUri().toString();
  }

  private ReportsBranch writer(String cache) {
    return new ReportsBranch(dir.resolve(cache), url, "ocmj-reports", "compliance", GitAuth.none());
  }

  private static PolicyCompliance policy(String name, String rev, String c1, String c2) {
    List<PolicyCompliance.ClusterState> clusters = new ArrayList<>();
    clusters.add(new PolicyCompliance.ClusterState("c1", c1, c1 + "; from c1"));
    clusters.add(new PolicyCompliance.ClusterState("c2", c2, c2 + "; from c2"));
    String aggregate = c1.equals("NonCompliant") || c2.equals("NonCompliant") ? "NonCompliant" : c1;
    return new PolicyCompliance("policies/" + name, rev, aggregate, clusters);
  }

  private static Map<String, PolicyCompliance> fleet(PolicyCompliance... policies) {
    Map<String, PolicyCompliance> m = new java.util.TreeMap<>();
    for (PolicyCompliance p : policies) {
      m.put(p.policy(), p);
    }
    return m;
  }

  private List<RevCommit> log() throws Exception {
    try (Git git = Git.open(dir.resolve("remote.git").toFile())) {
      List<RevCommit> commits = new ArrayList<>();
      git.log()
          .add(git.getRepository().resolve("refs/heads/ocmj-reports"))
          .call()
          .forEach(commits::add);
      return commits; // newest first
    }
  }

  @Test
  void twoPolicyChangesGiveTwoCommitsAttributedToTheirRevisionsAndNoChangeGivesNone()
      throws Exception {
    ReportsBranch writer = writer("cache");
    var first =
        writer.publish(
            fleet(
                policy("p1", REV_A, "Compliant", "Compliant"),
                policy("p2", REV_A, "Compliant", "Compliant")),
            NOW);
    assertThat(first).isPresent();
    // Commit B: p1 goes NonCompliant on both clusters; p2 is re-applied at B but unchanged.
    var second =
        writer.publish(
            fleet(
                policy("p1", REV_B, "NonCompliant", "NonCompliant"),
                policy("p2", REV_B, "Compliant", "Compliant")),
            NOW);
    assertThat(second).isPresent();
    assertThat(second.get().lines())
        .containsExactly("policies/p1: 2 → NonCompliant (c1, c2) at rev b1b2c3d");
    var unchanged =
        writer.publish(
            fleet(
                policy("p1", REV_B, "NonCompliant", "NonCompliant"),
                policy("p2", REV_B, "Compliant", "Compliant")),
            NOW);
    assertThat(unchanged).isEmpty();

    List<RevCommit> log = log();
    assertThat(log).hasSize(2);
    assertThat(log.get(0).getFullMessage())
        .isEqualTo("policies/p1: 2 → NonCompliant (c1, c2) at rev b1b2c3d\n");
    assertThat(log.get(1).getShortMessage()).isEqualTo("compliance: 2 changes in 2 policies");
    assertThat(log.get(1).getFullMessage())
        .contains("policies/p1: 2 → Compliant (c1, c2) at rev a1b2c3d")
        .contains("policies/p2: 2 → Compliant (c1, c2) at rev a1b2c3d");
    try (Git git = Git.open(dir.resolve("remote.git").toFile())) {
      Repository repo = git.getRepository();
      ObjectId head = repo.resolve("refs/heads/ocmj-reports");
      Map<String, PolicyCompliance> onBranch = ReportsBranch.snapshot(repo, head, "compliance");
      assertThat(onBranch.get("policies/p1").revision()).isEqualTo(REV_B);
      // p2 did not change at B: its file still names the revision that produced its state.
      assertThat(onBranch.get("policies/p2").revision()).isEqualTo(REV_A);
      assertThat(onBranch.get("policies/p1").clusters().get(0).message())
          .isEqualTo("NonCompliant; from c1");

      var history = ComplianceHistory.read(repo, head, "compliance");
      assertThat(history).hasSize(2);
      var sinceB = ComplianceHistory.since(history, "b1b2c3d");
      assertThat(sinceB.attributed())
          .extracting(c -> c.commit())
          .containsExactly(log.get(0).name());
      assertThat(sinceB.net())
          .containsExactly("policies/p1: 2 → NonCompliant (c1, c2) at rev b1b2c3d");
      var sinceA = ComplianceHistory.since(history, REV_A);
      assertThat(sinceA.attributed()).hasSize(1);
      assertThat(sinceA.net())
          .contains("policies/p1: 2 → NonCompliant (c1, c2) at rev b1b2c3d")
          .contains("policies/p2: 2 → Compliant (c1, c2) at rev a1b2c3d");
      assertThat(ComplianceHistory.since(history, "deadbeef").attributed()).isEmpty();
    }
  }

  @Test
  void aPushConflictIsRetriedOnTopOfTheOtherCommitAndNothingIsLost() throws Exception {
    ReportsBranch writer = writer("cache");
    writer.publish(fleet(policy("p1", REV_A, "Compliant", "Compliant")), NOW);
    // Someone else pushes to the reports branch between our commit and our push, once.
    AtomicInteger pushes = new AtomicInteger();
    writer.beforePush(
        () -> {
          if (pushes.getAndIncrement() == 0) {
            pushReadme();
          }
        });
    var published = writer.publish(fleet(policy("p1", REV_B, "NonCompliant", "Compliant")), NOW);
    assertThat(pushes).hasValue(2); // rejected once, made again and pushed
    assertThat(published).isPresent();
    List<RevCommit> log = log();
    assertThat(log).hasSize(3);
    assertThat(log.get(0).getFullMessage())
        .isEqualTo("policies/p1: 1 → NonCompliant (c1) at rev b1b2c3d\n");
    assertThat(log.get(0).getParent(0).getShortMessage()).isEqualTo("a README by someone else");
    try (Git git = Git.open(dir.resolve("remote.git").toFile())) {
      Repository repo = git.getRepository();
      ObjectId head = repo.resolve("refs/heads/ocmj-reports");
      assertThat(ReportsBranch.snapshot(repo, head, "compliance").get("policies/p1").stateOf("c1"))
          .isEqualTo("NonCompliant");
      try (var tree =
          org.eclipse.jgit.treewalk.TreeWalk.forPath(
              repo, "README.md", repo.parseCommit(head).getTree())) {
        assertThat(tree).as("the other writer's file is kept").isNotNull();
      }
    }
  }

  private int readmes;

  /** Another clone writes README.md on the reports branch and pushes it. */
  private void pushReadme() {
    try {
      Path clone = Files.createTempDirectory(dir, "other");
      try (Git other =
          Git.cloneRepository()
              .setURI(url)
              .setBranch("ocmj-reports")
              .setDirectory(clone.toFile())
              .call()) {
        readmes++;
        Files.writeString(
            clone.resolve("README.md"), "reports " + readmes + "\n", StandardCharsets.UTF_8);
        other.add().addFilepattern("README.md").call();
        other
            .commit()
            .setMessage(readmes == 1 ? "a README by someone else" : "README " + readmes)
            .setAuthor("x", "x@example.com")
            .setCommitter("x", "x@example.com")
            .call();
        other.push().call();
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aPushRejectedEveryTimeEndsInAFailureNamingTheBranch() throws Exception {
    ReportsBranch writer = writer("cache");
    writer.publish(fleet(policy("p1", REV_A, "Compliant", "Compliant")), NOW);
    writer.beforePush(this::pushReadme);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> writer.publish(fleet(policy("p1", REV_B, "NonCompliant", "Compliant")), NOW))
        .isInstanceOf(io.ocmj.gitops.GitFailure.class)
        .hasMessageContaining("push to branch ocmj-reports rejected 5 times");
  }

  @Test
  void twoGitSyncsSharingTheFolderLeaveEachOthersFilesAlone() throws Exception {
    ReportsBranch dev =
        new ReportsBranch(
            dir.resolve("dev"), url, "ocmj-reports", "compliance", GitAuth.none(), "gitops/dev");
    ReportsBranch prod =
        new ReportsBranch(
            dir.resolve("prod"), url, "ocmj-reports", "compliance", GitAuth.none(), "gitops/prod");
    assertThat(dev.publish(fleet(policy("d1", REV_A, "Compliant", "Compliant")), NOW)).isPresent();
    assertThat(prod.publish(fleet(policy("p1", REV_A, "Compliant", "Compliant")), NOW)).isPresent();
    // Each sees only its own files: nothing to do for either, however often they look.
    assertThat(dev.publish(fleet(policy("d1", REV_A, "Compliant", "Compliant")), NOW)).isEmpty();
    assertThat(prod.publish(fleet(policy("p1", REV_A, "Compliant", "Compliant")), NOW)).isEmpty();
    // A policy leaving dev's fleet is dev's to remove; prod's file stays.
    var removed = dev.publish(fleet(), NOW);
    assertThat(removed.orElseThrow().lines()).containsExactly("policies/d1: removed");
    try (Git git = Git.open(dir.resolve("remote.git").toFile())) {
      Repository repo = git.getRepository();
      var onBranch =
          ReportsBranch.snapshot(repo, repo.resolve("refs/heads/ocmj-reports"), "compliance");
      assertThat(onBranch).containsOnlyKeys("policies/p1");
      assertThat(onBranch.get("policies/p1").gitSync()).isEqualTo("gitops/prod");
    }
  }

  @Test
  void aChangeOfTheSamePolicyVersionKeepsTheRevisionThatMadeIt() throws Exception {
    ReportsBranch writer = writer("cache");
    writer.publish(
        fleet(new PolicyCompliance("policies/p1", REV_A, "Compliant", List.of(), 7, "")), NOW);
    // Commit B touched other files: p1 (still generation 7) carries B now, then turns NonCompliant.
    var published =
        writer.publish(
            fleet(
                new PolicyCompliance(
                    "policies/p1",
                    REV_B,
                    "NonCompliant",
                    List.of(new PolicyCompliance.ClusterState("c1", "NonCompliant", "x")),
                    7,
                    "")),
            NOW);
    assertThat(published.orElseThrow().lines())
        .containsExactly("policies/p1: 1 → NonCompliant (c1) at rev a1b2c3d");
  }
}
