package io.ocmj.gitops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.revwalk.RevCommit;

/** A real Git repository on disk that tests commit to (branch main), served as file://. */
final class TestRepo implements AutoCloseable {
  private final Path dir;
  private final Git git;

  TestRepo(Path dir) throws GitAPIException {
    this.dir = dir;
    this.git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
  }

  org.eclipse.jgit.lib.Repository repository() {
    return git.getRepository();
  }

  Path dir() {
    return dir;
  }

  String url() {
    return dir.toUri().toString();
  }

  /** Writes (null: deletes) the files, commits them all, returns the commit SHA. */
  String commit(String message, Map<String, String> files) throws IOException, GitAPIException {
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path path = dir.resolve(f.getKey());
      if (f.getValue() == null) {
        Files.deleteIfExists(path);
        git.rm().addFilepattern(f.getKey()).call();
      } else {
        Files.createDirectories(path.getParent());
        Files.writeString(path, f.getValue(), StandardCharsets.UTF_8);
        git.add().addFilepattern(f.getKey()).call();
      }
    }
    RevCommit commit =
        git.commit()
            .setMessage(message)
            .setAuthor("test", "test@example.com")
            .setCommitter("test", "test@example.com")
            .call();
    return commit.name();
  }

  /** Tags the last commit. */
  void tag(String name) throws GitAPIException {
    git.tag().setName(name).setAnnotated(false).call();
  }

  @Override
  public void close() {
    git.close();
  }
}
