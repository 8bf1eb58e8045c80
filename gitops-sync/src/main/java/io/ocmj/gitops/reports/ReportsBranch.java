package io.ocmj.gitops.reports;

import io.ocmj.api.gitops.v1alpha1.GitSync;
import io.ocmj.gitops.GitAuth;
import io.ocmj.gitops.GitFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reports branch of one repository, through a bare repository cached on the hub. {@link
 * #publish} fetches the branch, compares the snapshot on it with the fleet's, and when compliance
 * changed commits the new snapshot (files outside the snapshot folder are kept) on top of the
 * branch and pushes it, never forced: when someone else pushed first, it fetches again and makes
 * the commit anew on top of theirs, so nothing either side wrote is lost.
 */
public final class ReportsBranch {
  static final int ATTEMPTS = 5;
  private static final Logger LOG = LoggerFactory.getLogger(ReportsBranch.class);

  private final Path cache;
  private final String url;
  private final String branch;
  private final String folder;
  private final GitAuth auth;
  private final String owner;
  private Runnable beforePush = () -> {};

  /**
   * @param owner the GitSync ({@code <namespace>/<name>}) whose files this writer manages: files of
   *     other GitSyncs in the same folder are left alone
   */
  public ReportsBranch(
      Path cache, String url, String branch, String folder, GitAuth auth, String owner) {
    this.cache = cache;
    this.url = url;
    this.branch = branch;
    this.folder = folder;
    this.auth = auth;
    this.owner = owner;
  }

  /** A reader (no owner: it publishes nothing of anyone's). */
  public ReportsBranch(Path cache, String url, String branch, String folder, GitAuth auth) {
    this(cache, url, branch, folder, auth, "");
  }

  /** What a publish committed: the commit and the lines of its message. */
  public record Published(String commit, List<String> lines) {}

  /** Runs between commit and push (tests use it to make another writer push first). */
  void beforePush(Runnable hook) {
    this.beforePush = hook;
  }

  /**
   * Commits the snapshot when compliance changed; empty when nothing did. A policy whose compliance
   * is unchanged keeps the file (and revision) it has on the branch.
   */
  public Optional<Published> publish(Map<String, PolicyCompliance> fleet, Instant now)
      throws GitFailure {
    for (int attempt = 1; ; attempt++) {
      try (Git git = open()) {
        Repository repo = git.getRepository();
        ObjectId head = fetch(git);
        Map<String, PolicyCompliance> before = new TreeMap<>();
        if (head != null) {
          snapshot(repo, head, folder)
              .forEach(
                  (policy, p) -> {
                    if (p.gitSync().equals(owner)) {
                      before.put(policy, p);
                    }
                  });
        }
        Map<String, PolicyCompliance> next = new TreeMap<>();
        fleet.forEach((policy, current) -> next.put(policy, merge(before.get(policy), current)));
        List<String> lines = ComplianceChanges.lines(before, next);
        if (lines.isEmpty()) {
          return Optional.empty();
        }
        java.util.Set<String> replaced = new java.util.HashSet<>();
        before.values().forEach(p -> replaced.add(p.file(folder)));
        ObjectId commit =
            commit(repo, head, replaced, next, ComplianceChanges.commitMessage(lines), now);
        beforePush.run();
        RemoteRefUpdate update = push(git, commit);
        RemoteRefUpdate.Status status = update.getStatus();
        if (status == RemoteRefUpdate.Status.OK) {
          return Optional.of(new Published(commit.name(), lines));
        }
        boolean moved =
            status == RemoteRefUpdate.Status.REJECTED_NONFASTFORWARD
                || status == RemoteRefUpdate.Status.REJECTED_REMOTE_CHANGED
                || (status == RemoteRefUpdate.Status.REJECTED_OTHER_REASON
                    && String.valueOf(update.getMessage()).contains("lock"));
        String why = status + (update.getMessage() == null ? "" : " (" + update.getMessage() + ")");
        if (!moved) {
          throw new GitFailure(
              GitSync.REASON_GIT_FAILED, "reports: push to branch " + branch + " refused: " + why);
        }
        if (attempt == ATTEMPTS) {
          throw new GitFailure(
              GitSync.REASON_GIT_FAILED,
              "reports: push to branch " + branch + " rejected " + attempt + " times: " + why);
        }
        LOG.info("reports branch {} moved while committing ({}); trying again", branch, why);
      } catch (IOException | GitAPIException | RuntimeException e) {
        throw GitFailure.of(url, e);
      }
    }
  }

  /**
   * The file to write for a policy: unchanged compliance keeps the file on the branch; changed
   * compliance of the same policy version (generation) keeps the revision that made that version.
   */
  private PolicyCompliance merge(PolicyCompliance old, PolicyCompliance current) {
    PolicyCompliance mine = current.withGitSync(owner);
    if (old == null) {
      return mine;
    }
    if (mine.sameCompliance(old)) {
      return old;
    }
    return old.generation() > 0 && old.generation() == mine.generation()
        ? mine.withRevision(old.revision())
        : mine;
  }

  /** The branch's head after fetching it, or null when the remote has no such branch yet. */
  public ObjectId fetch(Git git) throws GitAPIException, IOException {
    Collection<Ref> refs = auth.on(Git.lsRemoteRepository().setRemote(url).setHeads(true)).call();
    String name = Constants.R_HEADS + branch;
    if (refs.stream().noneMatch(r -> r.getName().equals(name))) {
      return null;
    }
    String tracking = "refs/remotes/origin/" + branch;
    auth.on(git.fetch().setRemote(url).setRefSpecs(new RefSpec("+" + name + ":" + tracking)))
        .call();
    return git.getRepository().resolve(tracking);
  }

  /** Opens (or creates) the cached bare repository. */
  public Git open() throws IOException, GitAPIException {
    if (Files.isDirectory(cache)) {
      try {
        return Git.open(cache.toFile());
      } catch (org.eclipse.jgit.errors.RepositoryNotFoundException e) {
        // Left half-made (a crash between mkdir and init): it only ever holds a copy; make it anew.
        try (var files = Files.walk(cache)) {
          files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
    Files.createDirectories(cache);
    Git.init().setBare(true).setDirectory(cache.toFile()).call().close();
    return Git.open(cache.toFile());
  }

  /** The snapshot in a commit's folder, by policy; files that do not parse are skipped. */
  public static Map<String, PolicyCompliance> snapshot(
      Repository repo, ObjectId commitId, String folder) throws IOException {
    Map<String, PolicyCompliance> byPolicy = new TreeMap<>();
    try (RevWalk walk = new RevWalk(repo);
        TreeWalk tree = new TreeWalk(repo)) {
      RevCommit commit = walk.parseCommit(commitId);
      tree.addTree(commit.getTree());
      tree.setRecursive(true);
      while (tree.next()) {
        String path = tree.getPathString();
        if (!path.startsWith(folder + "/") || !path.endsWith(".yaml")) {
          continue;
        }
        String text = new String(repo.open(tree.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
        try {
          PolicyCompliance p = PolicyCompliance.parse(text, path);
          byPolicy.put(p.policy(), p);
        } catch (IllegalArgumentException e) {
          LOG.warn("reports branch: {} (rewritten with the next change)", e.getMessage());
        }
      }
    }
    return byPolicy;
  }

  private ObjectId commit(
      Repository repo,
      ObjectId parent,
      java.util.Set<String> replaced,
      Map<String, PolicyCompliance> snapshot,
      String message,
      Instant now)
      throws IOException {
    DirCache index = DirCache.newInCore();
    DirCacheBuilder builder = index.builder();
    try (ObjectInserter inserter = repo.newObjectInserter();
        RevWalk walk = new RevWalk(repo)) {
      if (parent != null) {
        try (TreeWalk tree = new TreeWalk(repo)) {
          tree.addTree(walk.parseCommit(parent).getTree());
          tree.setRecursive(true);
          while (tree.next()) {
            String path = tree.getPathString();
            boolean rewritten =
                replaced.contains(path)
                    || snapshot.values().stream().anyMatch(p -> p.file(folder).equals(path));
            if (!rewritten) {
              DirCacheEntry kept = new DirCacheEntry(tree.getPathString());
              kept.setFileMode(tree.getFileMode(0));
              kept.setObjectId(tree.getObjectId(0));
              builder.add(kept);
            }
          }
        }
      }
      for (PolicyCompliance p : snapshot.values()) {
        DirCacheEntry file = new DirCacheEntry(p.file(folder));
        file.setFileMode(FileMode.REGULAR_FILE);
        file.setObjectId(
            inserter.insert(Constants.OBJ_BLOB, p.toYaml().getBytes(StandardCharsets.UTF_8)));
        builder.add(file);
      }
      builder.finish();
      CommitBuilder commit = new CommitBuilder();
      commit.setTreeId(index.writeTree(inserter));
      if (parent != null) {
        commit.setParentId(parent);
      }
      PersonIdent ocmj = new PersonIdent("ocmj", "ocmj@localhost", now, java.time.ZoneOffset.UTC);
      commit.setAuthor(ocmj);
      commit.setCommitter(ocmj);
      commit.setMessage(message);
      ObjectId id = inserter.insert(commit);
      inserter.flush();
      return id;
    }
  }

  private RemoteRefUpdate push(Git git, ObjectId commit) throws GitAPIException {
    List<RemoteRefUpdate> updates = new ArrayList<>();
    for (PushResult result :
        auth.on(
                git.push()
                    .setRemote(url)
                    .setRefSpecs(new RefSpec(commit.name() + ":" + Constants.R_HEADS + branch)))
            .call()) {
      updates.addAll(result.getRemoteUpdates());
    }
    if (updates.size() != 1) {
      throw new IllegalStateException("reports: push of " + commit.name() + " gave " + updates);
    }
    return updates.get(0);
  }
}
