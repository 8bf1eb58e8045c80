package io.ocmj.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pinned upstream binaries (etcd, kube-apiserver, kube-controller-manager, opa, helm). Their
 * versions are written once, in {@code binaries.properties}; a missing binary is built from its Go
 * module by {@code build-binaries.sh} into {@code <cache>/bin/<name>-<version>} and reused after
 * that.
 */
public final class Binaries {
  private static final Logger LOG = LoggerFactory.getLogger(Binaries.class);
  private static final String RESOURCES = "/io/ocmj/testing/";

  private final Path cacheDir;
  private final Properties versions;

  public Binaries(Path cacheDir) {
    this.cacheDir = cacheDir;
    this.versions = new Properties();
    try (InputStream in = resource("binaries.properties")) {
      versions.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read binaries.properties from the ocmj-testing jar", e);
    }
  }

  /** The default cache, {@code ~/.cache/ocmj}, or the system property {@code ocmj.cache}. */
  public static Path defaultCacheDir() {
    String configured = System.getProperty("ocmj.cache");
    return configured != null && !configured.isBlank()
        ? Path.of(configured)
        : Path.of(System.getProperty("user.home"), ".cache", "ocmj");
  }

  public Path cacheDir() {
    return cacheDir;
  }

  public String kubernetesVersion() {
    return version("kubernetes");
  }

  /** Path of the named binary when it is already built, without building it. */
  public Optional<Path> built(String name) {
    Path binary = cacheDir.resolve("bin").resolve(name + "-" + versionOf(name));
    return Files.isExecutable(binary) ? Optional.of(binary) : Optional.empty();
  }

  /** Path of the named binary, building it first when it is not cached yet. */
  public Path ensure(String name) {
    Path binary = cacheDir.resolve("bin").resolve(name + "-" + versionOf(name));
    if (Files.isExecutable(binary)) {
      return binary;
    }
    build(name);
    if (!Files.isExecutable(binary)) {
      throw new IllegalStateException(
          "build-binaries.sh reported success but " + binary + " is missing");
    }
    return binary;
  }

  private void build(String name) {
    LOG.info(
        "building {} {} from its Go module (first use on this machine)", name, versionOf(name));
    try {
      Path scriptDir = Files.createDirectories(cacheDir.resolve("build"));
      Path script = copyResource("build-binaries.sh", scriptDir);
      Path props = copyResource("binaries.properties", scriptDir);
      ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), name);
      pb.environment().put("OCMJ_CACHE", cacheDir.toString());
      pb.environment().put("OCMJ_BINARIES_PROPERTIES", props.toString());
      pb.redirectErrorStream(true);
      Process process = pb.start();
      StringBuilder output = new StringBuilder();
      try (var reader = process.inputReader(StandardCharsets.UTF_8)) {
        reader
            .lines()
            .forEach(
                line -> {
                  LOG.info("{}", line);
                  output.append(line).append('\n');
                });
      }
      int exit = process.waitFor();
      if (exit != 0) {
        throw new IllegalStateException(
            "building " + name + " failed (exit " + exit + "):\n" + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run build-binaries.sh for " + name, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while building " + name, e);
    }
  }

  private String versionOf(String name) {
    return switch (name) {
      case "kube-apiserver", "kube-controller-manager" -> version("kubernetes");
      case "etcd" -> version("etcd");
      case "opa" -> version("opa");
      case "helm" -> version("helm");
      default -> throw new IllegalArgumentException("unknown binary " + name);
    };
  }

  private String version(String key) {
    String v = versions.getProperty(key + ".version");
    if (v == null || v.isBlank()) {
      throw new IllegalStateException("binaries.properties has no " + key + ".version");
    }
    return v.trim();
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = Binaries.class.getResourceAsStream(RESOURCES + name);
    if (in == null) {
      throw new IOException("resource " + RESOURCES + name + " is missing from the classpath");
    }
    return in;
  }

  private static Path copyResource(String name, Path dir) throws IOException {
    Path target = dir.resolve(name);
    try (InputStream in = resource(name)) {
      Path tmp = Files.createTempFile(dir, name, ".tmp");
      Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    return target;
  }
}
