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
import org.eclipse.jgit.lib.RefUpdate;
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
  private static final String LOCAL = "refs/ocmj/reports";

  private final Path cache;
  private final String url;
  private final String branch;
  private final String folder;
  private final GitAuth auth;
  private Runnable beforePush = () -> {};

  public ReportsBranch(Path cache, String url, String branch, String folder, GitAuth auth) {
    this.cache = cache;
    this.url = url;
    this.branch = branch;
    this.folder = folder;
    this.auth = auth;
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
        Map<String, PolicyCompliance> before =
            head == null ? Map.of() : snapshot(repo, head, folder);
        Map<String, PolicyCompliance> next = new TreeMap<>();
        fleet.forEach(
            (policy, now0) -> {
              PolicyCompliance old = before.get(policy);
              next.put(policy, now0.sameCompliance(old) ? old : now0);
            });
        List<String> lines = ComplianceChanges.lines(before, next);
        if (lines.isEmpty()) {
          return Optional.empty();
        }
        ObjectId commit = commit(repo, head, next, ComplianceChanges.commitMessage(lines), now);
        beforePush.run();
        RemoteRefUpdate.Status status = push(git, commit);
        if (status == RemoteRefUpdate.Status.OK) {
          return Optional.of(new Published(commit.name(), lines));
        }
        if (attempt == ATTEMPTS) {
          throw new GitFailure(
              GitSync.REASON_GIT_FAILED,
              "reports: push to branch " + branch + " rejected " + attempt + " times: " + status);
        }
        LOG.info("reports branch {} moved while committing ({}); trying again", branch, status);
      } catch (IOException | GitAPIException | RuntimeException e) {
        throw GitFailure.of(url, e);
      }
    }
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
    if (!Files.isDirectory(cache)) {
      Files.createDirectories(cache);
      Git.init().setBare(true).setDirectory(cache.toFile()).call().close();
    }
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
            if (!tree.getPathString().startsWith(folder + "/")) {
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
      RefUpdate local = repo.updateRef(LOCAL);
      local.setNewObjectId(id);
      local.setForceUpdate(true);
      local.update();
      return id;
    }
  }

  private RemoteRefUpdate.Status push(Git git, ObjectId commit) throws GitAPIException {
    List<RemoteRefUpdate.Status> statuses = new ArrayList<>();
    for (PushResult result :
        auth.on(
                git.push()
                    .setRemote(url)
                    .setRefSpecs(new RefSpec(LOCAL + ":" + Constants.R_HEADS + branch)))
            .call()) {
      result.getRemoteUpdates().forEach(u -> statuses.add(u.getStatus()));
    }
    if (statuses.size() != 1) {
      throw new IllegalStateException("reports: push of " + commit.name() + " gave " + statuses);
    }
    return statuses.get(0);
  }
}
