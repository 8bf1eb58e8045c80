package io.ocmj.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.ocmj.api.gitops.v1alpha1.GitSync;
import io.ocmj.api.gitops.v1alpha1.ReportsSpec;
import io.ocmj.api.policy.v1.Policy;
import io.ocmj.api.status.StatusPatch;
import io.ocmj.gitops.reports.ComplianceHistory;
import io.ocmj.gitops.reports.ReportsBranch;
import io.ocmj.hub.HubCrds;
import io.ocmj.testing.ClusterSet;
import io.ocmj.testing.junit.KubernetesClusters;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compliance in Git on a real hub: the GitSync applies Policies from branch main; as their
 * compliance changes (written here as the propagator writes it) the hub commits snapshots to the
 * reports branch of the same repository, attributed to the commit that applied the policy.
 */
@KubernetesClusters("hub")
class ComplianceReportsIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static KubernetesClient hub;
  private static GitSyncFixtures fx;
  @TempDir Path repoDir;
  @TempDir Path cache;

  @BeforeAll
  static void hub(ClusterSet clusters) {
    hub = clusters.get("hub").client();
    HubCrds.install(hub);
    for (String ns : List.of("gitops", "c1", "c2")) {
      hub.resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
          .serverSideApply();
    }
    fx = new GitSyncFixtures(hub);
  }

  private static String policy(String name, String action) {
    return """
        apiVersion: policy.open-cluster-management.io/v1
        kind: Policy
        metadata: {name: %s, namespace: gitops}
        spec:
          disabled: false
          remediationAction: %s
          policy-templates:
          - objectDefinition:
              apiVersion: policy.open-cluster-management.io/v1
              kind: ConfigurationPolicy
              metadata: {name: %s-cfg}
              spec:
                object-templates:
                - complianceType: musthave
                  objectDefinition: {apiVersion: v1, kind: Namespace, metadata: {name: default}}
        """
        .formatted(name, action, name);
  }

  /** Writes the root's per-cluster compliance as the propagator does. */
  private static void compliance(String policy, String c1, String c2) {
    String aggregate = c1.equals("NonCompliant") || c2.equals("NonCompliant") ? "NonCompliant" : c1;
    Policy root = hub.resources(Policy.class).inNamespace("gitops").withName(policy).get();
    hub.resource(
            StatusPatch.of(
                root,
                Map.of(
                    "compliant",
                    aggregate,
                    "status",
                    List.of(
                        Map.of("clustername", "c1", "clusternamespace", "c1", "compliant", c1),
                        Map.of("clustername", "c2", "clusternamespace", "c2", "compliant", c2)))))
        .subresource("status")
        .patch(
            new PatchContext.Builder()
                .withPatchType(PatchType.SERVER_SIDE_APPLY)
                .withFieldManager("test-propagator")
                .withForce(true)
                .build());
  }

  private static ObjectId head(TestRepo repo) throws Exception {
    return repo.repository().resolve("refs/heads/ocmj-reports");
  }

  private static String message(TestRepo repo, ObjectId commit) throws Exception {
    try (RevWalk walk = new RevWalk(repo.repository())) {
      RevCommit c = walk.parseCommit(commit);
      return c.getFullMessage();
    }
  }

  @Test
  void policyChangesBecomeReportCommitsAttributedToTheirRevision() throws Exception {
    try (TestRepo repo = new TestRepo(repoDir);
        GitSyncController controller = GitSyncController.start(hub, cache, Clock.systemUTC())) {
      String a =
          repo.commit(
              "two policies",
              Map.of(
                  "fleet/p1.yaml",
                  policy("p1", "inform"),
                  "fleet/p2.yaml",
                  policy("p2", "inform")));
      fx.createSync(
          "reports",
          repo.url(),
          "fleet",
          spec -> {
            ReportsSpec reports = new ReportsSpec();
            reports.setInterval("1s");
            spec.setReports(reports);
          });
      await("commit a applied").atMost(WAIT).until(() -> fx.applied("reports", a));
      compliance("p1", "Compliant", "Compliant");
      compliance("p2", "Compliant", "Compliant");
      await("both policies' compliance is on the branch")
          .atMost(WAIT)
          .until(
              () -> {
                ObjectId h = head(repo);
                if (h == null) {
                  return false;
                }
                var snapshot = ReportsBranch.snapshot(repo.repository(), h, "compliance");
                return snapshot.containsKey("gitops/p1") && snapshot.containsKey("gitops/p2");
              });
      ObjectId first = head(repo);
      // One commit or two (the reporter may look between the two status writes): the lines are
      // the same, each attributed to commit a.
      assertThat(
              ComplianceHistory.read(repo.repository(), first, "compliance").stream()
                  .flatMap(c -> c.lines().stream())
                  .toList())
          .containsExactlyInAnyOrder(
              "gitops/p1: 2 → Compliant (c1, c2) at rev " + a.substring(0, 7),
              "gitops/p2: 2 → Compliant (c1, c2) at rev " + a.substring(0, 7));
      assertThat(
              ReportsBranch.snapshot(repo.repository(), first, "compliance")
                  .get("gitops/p1")
                  .gitSync())
          .isEqualTo("gitops/reports");

      // Commit b changes p1; its compliance on c2 turns NonCompliant.
      String b = repo.commit("p1 enforces", Map.of("fleet/p1.yaml", policy("p1", "enforce")));
      fx.requestSync("reports");
      await("commit b applied").atMost(WAIT).until(() -> fx.applied("reports", b));
      compliance("p1", "Compliant", "NonCompliant");
      await("the change is committed, attributed to b")
          .atMost(WAIT)
          .until(() -> !first.equals(head(repo)));
      ObjectId second = head(repo);
      assertThat(message(repo, second))
          .isEqualTo("gitops/p1: 1 → NonCompliant (c2) at rev " + b.substring(0, 7) + "\n");
      await("status.reports names the commit")
          .atMost(WAIT)
          .until(
              () ->
                  second.name().equals(fx.get("reports").getStatus().getReports().getLastCommit()));
      var onBranch = ReportsBranch.snapshot(repo.repository(), second, "compliance");
      assertThat(onBranch.get("gitops/p1").revision()).isEqualTo(b);
      assertThat(onBranch.get("gitops/p2").revision()).as("unchanged: still a").isEqualTo(a);

      await("nothing changed: no commit over several intervals")
          .during(Duration.ofSeconds(3))
          .atMost(Duration.ofSeconds(10))
          .until(() -> second.equals(head(repo)));
    }
  }

  @Test
  void aReportsBranchThatIsTheSyncedBranchIsRefusedInStatus() throws Exception {
    try (TestRepo repo = new TestRepo(repoDir);
        GitSyncController controller = GitSyncController.start(hub, cache, Clock.systemUTC())) {
      String a = repo.commit("one policy", Map.of("same/p9.yaml", policy("p9", "inform")));
      fx.createSync(
          "same-branch",
          repo.url(),
          "same",
          spec -> {
            ReportsSpec reports = new ReportsSpec();
            reports.setBranch("main");
            spec.setReports(reports);
          });
      await("the sync itself goes on").atMost(WAIT).until(() -> fx.applied("same-branch", a));
      await("the reports error names the field")
          .atMost(WAIT)
          .until(
              () -> {
                GitSync s = fx.get("same-branch");
                return s.getStatus() != null
                    && s.getStatus().getReports() != null
                    && ("spec.reports.branch: main is the branch this GitSync syncs; reports need a"
                            + " branch of their own")
                        .equals(s.getStatus().getReports().getError());
              });
      assertThat(repo.repository().resolve("refs/heads/main").name()).isEqualTo(a);
    }
  }
}
