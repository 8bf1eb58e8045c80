package io.ocmj.cli.command;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocmj.api.gitops.v1alpha1.GitSync;
import io.ocmj.api.gitops.v1alpha1.ReportsSpec;
import io.ocmj.cli.UserError;
import io.ocmj.gitops.GitAuth;
import io.ocmj.gitops.GitCredentials;
import io.ocmj.gitops.GitFailure;
import io.ocmj.gitops.reports.ComplianceHistory;
import io.ocmj.gitops.reports.ReportsBranch;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

/**
 * {@code ocmj compliance --since <rev>}: what a commit of the fleet repository did to compliance,
 * read from the reports branch the hub writes (GitSync {@code spec.reports}). The repository is
 * {@code --repo}, or that of the GitSync with reports (credentials from its Secret).
 */
final class ComplianceSince {
  private ComplianceSince() {}

  /** Where the reports are: repository, branch, folder, and how to authenticate. */
  record Source(String url, String branch, String folder, Supplier<GitAuth> auth) {}

  /** What the report prints or serialises: commits attributed to the revision, and the net. */
  record Result(String revision, String branch, List<Commit> attributed, List<String> net) {}

  record Commit(String commit, String when, List<String> changes) {}

  /** The source from the options, or from the hub's GitSync with {@code spec.reports}. */
  static Source source(
      String repo,
      String branch,
      String folder,
      String gitSync,
      String namespace,
      Supplier<KubernetesClient> hub) {
    if (repo != null) {
      return new Source(
          repo,
          branch != null ? branch : ReportsSpec.DEFAULT_BRANCH,
          folder != null ? folder : ReportsSpec.DEFAULT_PATH,
          GitAuth::none);
    }
    KubernetesClient client = hub.get();
    var resources = client.resources(GitSync.class);
    List<GitSync> withReports =
        (namespace == null ? resources.inAnyNamespace() : resources.inNamespace(namespace))
            .list().getItems().stream()
                .filter(s -> s.getSpec().getReports() != null)
                .filter(s -> gitSync == null || s.getMetadata().getName().equals(gitSync))
                .toList();
    if (withReports.size() != 1) {
      throw new UserError(
          "compliance --since: "
              + (withReports.isEmpty()
                  ? "no GitSync"
                  : withReports.size()
                      + " GitSyncs ("
                      + String.join(
                          ", ", withReports.stream().map(s -> s.getMetadata().getName()).toList())
                      + ")")
              + (gitSync == null ? "" : " named " + gitSync)
              + " with spec.reports; name one with --gitsync or give --repo");
    }
    GitSync sync = withReports.get(0);
    ReportsSpec spec = sync.getSpec().getReports();
    return new Source(
        sync.getSpec().getUrl(),
        branch != null ? branch : spec.branchOrDefault(),
        folder != null ? folder : spec.pathOrDefault(),
        () -> {
          try {
            return GitCredentials.from(client, sync);
          } catch (GitFailure e) {
            throw new UserError("compliance --since: " + e.getMessage());
          }
        });
  }

  /** Reads the reports branch into a temporary bare repository and answers. */
  static Result read(Source source, String revision) {
    Path dir = null;
    try (GitAuth auth = source.auth().get()) {
      dir = Files.createTempDirectory("ocmj-reports");
      ReportsBranch branch =
          new ReportsBranch(
              dir.resolve("r.git"), source.url(), source.branch(), source.folder(), auth);
      try (Git git = branch.open()) {
        var head = branch.fetch(git);
        if (head == null) {
          throw new UserError(
              "compliance --since: " + source.url() + " has no branch " + source.branch());
        }
        var history = ComplianceHistory.read(git.getRepository(), head, source.folder());
        ComplianceHistory.Since since;
        try {
          since = ComplianceHistory.since(history, revision);
        } catch (IllegalArgumentException e) {
          throw new UserError("compliance " + e.getMessage());
        }
        return new Result(
            revision,
            source.branch(),
            since.attributed().stream()
                .map(c -> new Commit(c.commit(), c.when().toString(), c.lines()))
                .toList(),
            since.net());
      }
    } catch (IOException | GitAPIException e) {
      throw new UserError("compliance --since: " + source.url() + ": " + e.getMessage());
    } finally {
      delete(dir);
    }
  }

  static void print(PrintWriter out, Result r) {
    if (r.attributed().isEmpty()) {
      out.printf(
          "No compliance change on branch %s is attributed to %s.%n", r.branch(), r.revision());
      return;
    }
    out.printf("Compliance changes attributed to %s (branch %s):%n", r.revision(), r.branch());
    for (Commit c : r.attributed()) {
      for (String line : c.changes()) {
        out.printf("  %s  %s  %s%n", c.commit().substring(0, 7), c.when(), line);
      }
    }
    out.println("Net change from just before it to the newest report:");
    if (r.net().isEmpty()) {
      out.println("  none (compliance is back where it was)");
    }
    r.net().forEach(line -> out.println("  " + line));
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder left behind holds only a copy of the reports branch
    }
  }
}
