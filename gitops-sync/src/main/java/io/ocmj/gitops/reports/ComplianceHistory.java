package io.ocmj.gitops.reports;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * The reports branch read back: each report commit with its snapshot and what it changed, and what
 * a given Git revision of the fleet did to compliance ({@code ocmj compliance --since <rev>}).
 */
public final class ComplianceHistory {
  private ComplianceHistory() {}

  /** One commit on the reports branch: when, the snapshot, and the changes from the one before. */
  public record ReportCommit(
      String commit, Instant when, Map<String, PolicyCompliance> snapshot, List<String> lines) {}

  /**
   * The report commits attributed to the revision (one of the policies they changed was at it), and
   * the net change from just before the first of them to the newest report.
   */
  public record Since(List<ReportCommit> attributed, List<String> net) {}

  /** The report commits up to {@code head}, oldest first. */
  public static List<ReportCommit> read(Repository repo, ObjectId head, String folder)
      throws IOException {
    List<ReportCommit> commits = new ArrayList<>();
    if (head == null) {
      return commits;
    }
    try (RevWalk walk = new RevWalk(repo)) {
      walk.sort(RevSort.TOPO);
      walk.sort(RevSort.REVERSE, true);
      walk.markStart(walk.parseCommit(head));
      Map<String, PolicyCompliance> previous = Map.of();
      for (RevCommit c : walk) {
        Map<String, PolicyCompliance> snapshot = ReportsBranch.snapshot(repo, c, folder);
        commits.add(
            new ReportCommit(
                c.name(),
                c.getCommitterIdent().getWhenAsInstant(),
                snapshot,
                ComplianceChanges.lines(previous, snapshot)));
        previous = snapshot;
      }
    }
    return commits;
  }

  /** What {@code revision} (a commit SHA, at least 4 hex digits of it) did to compliance. */
  public static Since since(List<ReportCommit> commits, String revision) {
    String rev = checkRevision(revision);
    List<ReportCommit> attributed = new ArrayList<>();
    int first = -1;
    for (int i = 0; i < commits.size(); i++) {
      Map<String, PolicyCompliance> before = i == 0 ? Map.of() : commits.get(i - 1).snapshot();
      boolean mine =
          commits.get(i).snapshot().values().stream()
              .anyMatch(
                  p ->
                      !p.sameCompliance(before.get(p.policy()))
                          && sha(p.revision()).startsWith(rev));
      if (mine) {
        attributed.add(commits.get(i));
        first = first < 0 ? i : first;
      }
    }
    if (first < 0) {
      return new Since(List.of(), List.of());
    }
    Map<String, PolicyCompliance> baseline =
        first == 0 ? Map.of() : commits.get(first - 1).snapshot();
    return new Since(
        attributed, ComplianceChanges.lines(baseline, commits.get(commits.size() - 1).snapshot()));
  }

  /** The revision in lower case; refused unless 4 to 40 hex digits. */
  public static String checkRevision(String revision) {
    String rev = revision.strip().toLowerCase(Locale.ROOT);
    if (!rev.matches("[0-9a-f]{4,40}")) {
      throw new IllegalArgumentException(
          "--since " + revision + ": a commit SHA (4 to 40 hex digits) is needed");
    }
    return rev;
  }

  private static String sha(String revision) {
    return revision.substring(revision.lastIndexOf(':') + 1).toLowerCase(Locale.ROOT);
  }
}
