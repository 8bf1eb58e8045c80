package io.ocmj.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image the Jib profile builds (here on the local jlink base, as no registry is reachable): its
 * entrypoint runs ocmj's main class as a non-root user, its layers hold ocmj's classes and
 * libraries, and unpacked, the image's own Java runs the CLI.
 */
class ImageIT {
  private static final Path IMAGE = Path.of("target", "ocmj-image-local.tar");
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void theImageRunsOcmjAsNonRootFromItsLayers(@TempDir Path dir) throws Exception {
    assertThat(IMAGE).as("built by the image-local profile at package").exists();
    Path unpacked = dir.resolve("image");
    Files.createDirectories(unpacked);
    run(List.of("tar", "-xf", IMAGE.toAbsolutePath().toString(), "-C", unpacked.toString()));
    JsonNode manifest = json.readTree(unpacked.resolve("manifest.json").toFile()).get(0);
    JsonNode config =
        json.readTree(unpacked.resolve(manifest.get("Config").asText()).toFile()).get("config");

    List<String> entrypoint = new ArrayList<>();
    config.get("Entrypoint").forEach(e -> entrypoint.add(e.asText()));
    assertThat(entrypoint)
        .containsExactly("java", "-cp", "@/app/jib-classpath-file", "io.ocmj.cli.Ocmj");
    assertThat(config.get("User").asText()).isEqualTo("65532:65532");
    assertThat(config.get("ExposedPorts").has("8080/tcp")).isTrue();

    Path rootfs = dir.resolve("rootfs");
    Files.createDirectories(rootfs);
    for (JsonNode layer : manifest.get("Layers")) {
      run(
          List.of(
              "tar", "-xzf", unpacked.resolve(layer.asText()).toString(), "-C", rootfs.toString()));
    }
    assertThat(rootfs.resolve("app/classes/io/ocmj/cli/Ocmj.class")).exists();
    try (var libs = Files.list(rootfs.resolve("app/libs"))) {
      assertThat(libs.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.startsWith("ocmj-hub-controllers-"))
          .anyMatch(n -> n.startsWith("ocmj-klusterlet-"));
    }
    assertThat(rootfs.resolve("opt/java/bin/java")).as("from the base layer").exists();

    // The image's classpath file, with its absolute paths under the unpacked root.
    String classpath =
        Files.readString(rootfs.resolve("app/jib-classpath-file"), StandardCharsets.UTF_8)
            .trim()
            .replace("/app/", rootfs.resolve("app") + "/");
    String help =
        run(
            List.of(
                rootfs.resolve("opt/java/bin/java").toString(),
                "-cp",
                classpath,
                "io.ocmj.cli.Ocmj",
                "--help"));
    assertThat(help).contains("Usage: ocmj").contains("hub").contains("join");
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as("%s:%n%s", command, out).isZero();
    return out;
  }
}
