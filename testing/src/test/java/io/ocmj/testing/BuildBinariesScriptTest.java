package io.ocmj.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** build-binaries.sh fails clearly, and never leaves a binary that looks complete. */
class BuildBinariesScriptTest {
  @TempDir Path dir;

  private Path script() throws IOException {
    for (String name : new String[] {"build-binaries.sh", "binaries.properties"}) {
      try (InputStream in = Binaries.class.getResourceAsStream("/io/ocmj/testing/" + name)) {
        Files.copy(in, dir.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return dir.resolve("build-binaries.sh");
  }

  private Result run(Map<String, String> env, String... args) throws Exception {
    ProcessBuilder pb = new ProcessBuilder();
    pb.command().add("bash");
    pb.command().add(script().toString());
    pb.command().addAll(java.util.List.of(args));
    pb.environment().put("OCMJ_CACHE", dir.resolve("cache").toString());
    pb.environment().putAll(env);
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    return new Result(p.exitValue(), out);
  }

  @Test
  void missingGoIsReportedWithWhatItIsNeededFor() throws Exception {
    Result r = run(Map.of("PATH", "/usr/bin:/bin", "OCMJ_GO_SEARCH_PATH", ""), "etcd");
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.output())
        .contains("the Go toolchain (go >= 1.26) is required", "'go' is not on PATH");
  }

  @Test
  void unknownBinaryNameIsRejected() throws Exception {
    Result r = run(Map.of(), "kubelet");
    assertThat(r.exit()).isNotZero();
    assertThat(r.output()).contains("unknown binary 'kubelet'");
  }

  @Test
  void failedBuildNamesTheModuleShowsGosErrorAndLeavesNoBinary() throws Exception {
    Path props = dir.resolve("versions.properties");
    Files.writeString(
        props, "kubernetes.version=1.37.2\netcd.version=0.0.999\nopa.version=1.22.3\n");
    Result r = run(Map.of("OCMJ_BINARIES_PROPERTIES", props.toString()), "etcd");
    assertThat(r.exit()).isNotZero();
    assertThat(r.output())
        .contains("FAILED to build etcd from go.etcd.io/etcd/server/v3@v0.0.999")
        .contains("go: ");
    try (var files = Files.list(Files.createDirectories(dir.resolve("cache/bin")))) {
      assertThat(files).isEmpty();
    }
  }

  private record Result(int exit, String output) {}
}
