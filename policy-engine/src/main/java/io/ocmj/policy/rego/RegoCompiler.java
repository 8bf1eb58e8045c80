package io.ocmj.policy.rego;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Compiles Rego modules to Wasm with the {@code opa} CLI ({@code opa build -t wasm -e
 * <entrypoint>}) and returns the bundle's {@code policy.wasm}. Compile errors come back as a {@link
 * RegoException} carrying OPA's message (file, line and column).
 */
public final class RegoCompiler {
  static final long TIMEOUT_SECONDS = 60;

  /** The largest Rego source accepted (all modules together). */
  public static final int MAX_SOURCE_BYTES = 1 << 20;

  private final Path opa;

  public RegoCompiler(Path opaBinary) {
    this.opa = opaBinary;
  }

  /** One module's name (for messages) and text. */
  public record Module(String name, String rego) {}

  /**
   * @param v0 compile with Rego v0 syntax (Gatekeeper's default); false for {@code version: v1}
   */
  public byte[] compile(List<Module> modules, String entrypoint, boolean v0) throws RegoException {
    long size =
        modules.stream().mapToLong(m -> m.rego().getBytes(StandardCharsets.UTF_8).length).sum();
    if (size > MAX_SOURCE_BYTES) {
      throw new RegoException(
          "the Rego source is " + size + " bytes; at most " + MAX_SOURCE_BYTES + " are accepted");
    }
    Path dir = null;
    try {
      dir = Files.createTempDirectory("ocmj-rego-");
      List<String> command =
          new ArrayList<>(List.of(opa.toString(), "build", "-t", "wasm", "-e", entrypoint));
      if (v0) {
        command.add("--v0-compatible");
      }
      command.addAll(List.of("-o", dir.resolve("bundle.tar.gz").toString()));
      for (int i = 0; i < modules.size(); i++) {
        Path file =
            dir.resolve(String.format(Locale.ROOT, "%02d-%s.rego", i, safe(modules.get(i).name())));
        Files.writeString(file, modules.get(i).rego());
        command.add(file.toString());
      }
      run(command, dir);
      return policyWasm(dir.resolve("bundle.tar.gz"));
    } catch (IOException e) {
      throw new RegoException("running opa build failed: " + e.getMessage(), e);
    } finally {
      delete(dir);
    }
  }

  private static void run(List<String> command, Path dir) throws IOException, RegoException {
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    try {
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new RegoException("opa build did not finish within " + TIMEOUT_SECONDS + " s");
      }
      if (process.exitValue() != 0) {
        String text = new String(output, StandardCharsets.UTF_8).replace(dir + "/", "").trim();
        throw new RegoException(text);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new RegoException("interrupted while compiling Rego");
    }
  }

  private static byte[] policyWasm(Path bundle) throws IOException, RegoException {
    try (InputStream in = Files.newInputStream(bundle);
        TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        if (entry.getName().equals("/policy.wasm") || entry.getName().equals("policy.wasm")) {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          tar.transferTo(out);
          return out.toByteArray();
        }
      }
    }
    throw new RegoException("opa build wrote no policy.wasm");
  }

  private static String safe(String name) {
    return name.replaceAll("[^A-Za-z0-9_.-]", "_");
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder left behind is harmless
    }
  }
}
