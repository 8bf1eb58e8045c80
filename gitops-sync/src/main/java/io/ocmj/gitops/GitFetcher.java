package io.ocmj.gitops;

import io.ocmj.api.gitops.v1alpha1.GitRef;
import io.ocmj.api.gitops.v1alpha1.GitSync;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.semver4j.Semver;

/**
 * Fetches a GitSync's revision with JGit into a bare repository cached per GitSync and reads the
 * YAML files under its paths straight from the commit's tree (no checkout). The remote is asked
 * first which commit the ref points at (ls-remote); a commit already in the cache is not fetched
 * again. Branches and tags are fetched shallow (depth 1).
 */
public final class GitFetcher {
  private final Path cacheRoot;
  private final boolean allowFileUrls;

  public GitFetcher(Path cacheRoot) {
    this(cacheRoot, true);
  }

  /**
   * A fetcher that, unless {@code allowFileUrls}, refuses {@code file://} URLs: on a hub they would
   * let whoever may create a GitSync read repositories from the hub process's own file system.
   */
  public GitFetcher(Path cacheRoot, boolean allowFileUrls) {
    this.cacheRoot = cacheRoot;
    this.allowFileUrls = allowFileUrls;
  }

  /** Why {@code url} is refused, if it is. */
  public static java.util.Optional<String> refused(String url, boolean allowFileUrls) {
    if (!allowFileUrls && url != null && url.regionMatches(true, 0, "file:", 0, 5)) {
      return java.util.Optional.of(
          "spec.url "
              + url
              + ": file:// URLs are turned off on this hub (they read the hub's own file system);"
              + " 'ocmj hub --git-allow-file-urls' turns them on");
    }
    return java.util.Optional.empty();
  }

  /** A commit and the files under the GitSync's paths; {@code revision} as Flux writes it. */
  public record Snapshot(String commit, String revision, List<SourceFile> files) {}

  /** The commit the GitSync's ref points at on the remote now, and its revision string. */
  public record Resolved(String commit, String revision, String refSpec) {}

  public Resolved resolve(GitSync sync, GitAuth auth) throws GitFailure {
    String url = sync.getSpec().getUrl();
    java.util.Optional<String> refusal = refused(url, allowFileUrls);
    if (refusal.isPresent()) {
      throw new GitFailure(GitSync.REASON_GIT_FAILED, refusal.get());
    }
    GitRef ref = sync.getSpec().getRef() == null ? new GitRef() : sync.getSpec().getRef();
    if (ref.getCommit() != null && !ref.getCommit().isEmpty()) {
      String branch = ref.getBranch();
      return new Resolved(
          ref.getCommit(),
          (branch == null || branch.isEmpty() ? "" : branch + "@") + "sha1:" + ref.getCommit(),
          branch == null || branch.isEmpty()
              ? "+refs/heads/*:refs/remotes/origin/*"
              : "+refs/heads/" + branch + ":refs/remotes/origin/" + branch);
    }
    Collection<Ref> remote = lsRemote(url, auth);
    if (ref.getSemver() != null && !ref.getSemver().isEmpty()) {
      String tag = highestTag(remote, ref.getSemver(), url);
      String name = "refs/tags/" + tag;
      ObjectId commit = peeled(remote, name);
      return new Resolved(commit.name(), tag + "@sha1:" + commit.name(), "+" + name + ":" + name);
    }
    if (ref.getTag() != null && !ref.getTag().isEmpty()) {
      String name = "refs/tags/" + ref.getTag();
      ObjectId commit = peeled(remote, name);
      if (commit == null) {
        throw new GitFailure(
            GitSync.REASON_GIT_FAILED,
            "ref.tag: tag " + ref.getTag() + " not found on " + Redact.url(url));
      }
      return new Resolved(
          commit.name(), ref.getTag() + "@sha1:" + commit.name(), "+" + name + ":" + name);
    }
    String branch = ref.getBranch() == null || ref.getBranch().isEmpty() ? "main" : ref.getBranch();
    String name = "refs/heads/" + branch;
    ObjectId commit = peeled(remote, name);
    if (commit == null) {
      throw new GitFailure(
          GitSync.REASON_GIT_FAILED,
          "ref.branch: branch " + branch + " not found on " + Redact.url(url));
    }
    return new Resolved(
        commit.name(),
        branch + "@sha1:" + commit.name(),
        "+" + name + ":refs/remotes/origin/" + branch);
  }

  /** Fetches the resolved commit unless the cache has it, then reads the files under paths. */
  public Snapshot fetch(GitSync sync, Resolved resolved, GitAuth auth) throws GitFailure {
    String url = sync.getSpec().getUrl();
    try (Git git = open(sync)) {
      Repository repo = git.getRepository();
      ObjectId commit = ObjectId.fromString(resolved.commit());
      if (!repo.getObjectDatabase().has(commit)) {
        boolean shallow = !resolved.refSpec().contains("*");
        try {
          var fetch =
              auth.on(git.fetch().setRemote(url).setRefSpecs(new RefSpec(resolved.refSpec())));
          if (shallow) {
            fetch.setDepth(1);
          }
          fetch.call();
        } catch (GitAPIException | RuntimeException e) {
          throw GitFailure.of(url, e);
        }
        if (!repo.getObjectDatabase().has(commit)) {
          throw new GitFailure(
              GitSync.REASON_GIT_FAILED,
              "ref.commit: commit " + resolved.commit() + " not found on " + Redact.url(url));
        }
      }
      return new Snapshot(resolved.commit(), resolved.revision(), read(repo, commit, sync));
    } catch (IOException e) {
      throw GitFailure.of(url, e);
    }
  }

  private Git open(GitSync sync) throws IOException {
    Path dir =
        cacheRoot
            .resolve(sync.getMetadata().getNamespace())
            .resolve(sync.getMetadata().getName() + ".git");
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir);
      try {
        Git.init().setBare(true).setDirectory(dir.toFile()).call().close();
      } catch (GitAPIException e) {
        throw new IOException("cannot create the Git cache " + dir + ": " + e.getMessage(), e);
      }
    }
    Git git = Git.open(dir.toFile());
    StoredConfig config = git.getRepository().getConfig();
    config.setString("remote", "origin", "url", sync.getSpec().getUrl());
    config.save();
    return git;
  }

  private static List<SourceFile> read(Repository repo, ObjectId commitId, GitSync sync)
      throws IOException, GitFailure {
    List<String> paths = new ArrayList<>();
    for (String p : sync.getSpec().getPaths().isEmpty() ? List.of("") : sync.getSpec().getPaths()) {
      String clean = p.strip().replaceAll("^(\\./)+", "").replaceAll("/+$", "");
      paths.add(clean.equals(".") ? "" : clean);
    }
    List<SourceFile> files = new ArrayList<>();
    try (RevWalk walk = new RevWalk(repo)) {
      RevCommit commit = walk.parseCommit(commitId);
      for (int i = 0; i < paths.size(); i++) {
        String path = paths.get(i);
        if (path.isEmpty()) {
          continue;
        }
        try (TreeWalk at = TreeWalk.forPath(repo, path, commit.getTree())) {
          if (at == null) {
            throw new GitFailure(
                GitSync.REASON_GIT_FAILED,
                "paths[" + i + "]: folder " + path + " not found at " + commitId.name());
          }
          if (!FileMode.TREE.equals(at.getFileMode(0))) {
            throw new GitFailure(
                GitSync.REASON_GIT_FAILED,
                "paths[" + i + "]: " + path + " is a file, not a folder, at " + commitId.name());
          }
        }
      }
      try (TreeWalk tree = new TreeWalk(repo)) {
        tree.addTree(commit.getTree());
        tree.setRecursive(true);
        while (tree.next()) {
          String file = tree.getPathString();
          if (!(file.endsWith(".yaml") || file.endsWith(".yml")) || !under(file, paths)) {
            continue;
          }
          ObjectLoader loader = repo.open(tree.getObjectId(0));
          long size = loader.getSize();
          files.add(
              new SourceFile(
                  file, size, size > ManifestParser.MAX_FILE_BYTES ? null : loader.getBytes()));
        }
      }
    }
    return files;
  }

  private static boolean under(String file, List<String> paths) {
    return paths.stream().anyMatch(p -> p.isEmpty() || file.startsWith(p + "/"));
  }

  private static Collection<Ref> lsRemote(String url, GitAuth auth) throws GitFailure {
    try {
      return auth.on(Git.lsRemoteRepository().setRemote(url).setHeads(true).setTags(true)).call();
    } catch (GitAPIException | RuntimeException e) {
      throw GitFailure.of(url, e);
    }
  }

  /**
   * The tag with the highest version in the range (npm/Masterminds syntax; commas read as AND, a
   * leading v ignored); tags that are not versions are skipped.
   */
  static String highestTag(Collection<Ref> refs, String range, String url) throws GitFailure {
    String normalised = range.replace(',', ' ').strip();
    String best = null;
    Semver bestVersion = null;
    List<String> tags = new ArrayList<>();
    for (Ref r : refs) {
      String name = r.getName();
      if (!name.startsWith("refs/tags/") || name.endsWith("^{}")) {
        continue;
      }
      String tag = name.substring("refs/tags/".length());
      tags.add(tag);
      Semver version = Semver.parse(tag.startsWith("v") ? tag.substring(1) : tag);
      boolean matches;
      try {
        matches = version != null && version.satisfies(normalised);
      } catch (RuntimeException e) {
        throw new GitFailure(
            GitSync.REASON_GIT_FAILED,
            "ref.semver: " + range + " is not a version range: " + e.getMessage());
      }
      if (matches && (bestVersion == null || version.isGreaterThan(bestVersion))) {
        best = tag;
        bestVersion = version;
      }
    }
    if (best == null) {
      throw new GitFailure(
          GitSync.REASON_GIT_FAILED,
          "ref.semver: no tag on "
              + Redact.url(url)
              + " matches "
              + range
              + " (tags: "
              + tags
              + ")");
    }
    return best;
  }

  private static ObjectId peeled(Collection<Ref> refs, String name) {
    Optional<Ref> ref = refs.stream().filter(r -> r.getName().equals(name)).findFirst();
    if (ref.isEmpty()) {
      return null;
    }
    return ref.get().getPeeledObjectId() != null
        ? ref.get().getPeeledObjectId()
        : ref.get().getObjectId();
  }
}
