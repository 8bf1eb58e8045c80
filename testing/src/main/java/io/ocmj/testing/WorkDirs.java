package io.ocmj.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Deletes a cluster's work directory tree. */
final class WorkDirs {
  private WorkDirs() {}

  static void deleteQuietly(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  // a file still held open by a dying process; the next reap removes it
                }
              });
    } catch (IOException | UncheckedIOException e) {
      // already gone (another shutdown hook may be deleting the same tree) or unreadable; the
      // next reap tries again
    }
  }
}
