package io.ocmj.policy.rego;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocmj.testing.Binaries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every gatekeeper-library suite under {@code ../shared/conformance/gatekeeper-library} (or the
 * folder named by {@code -Docmj.gatekeeperSuites}) through ocmj's engine: templates compiled by the
 * real opa CLI, evaluated through opa-java-wasm; each case's assertions must hold. Skipped, saying
 * why, when the folder is absent.
 */
class GatekeeperLibraryConformanceTest {
  static final String PROPERTY = "ocmj.gatekeeperSuites";

  static Path root() {
    String configured = System.getProperty(PROPERTY);
    return configured != null && !configured.isBlank()
        ? Path.of(configured)
        : Path.of("..", "..", "shared", "conformance", "gatekeeper-library")
            .toAbsolutePath()
            .normalize();
  }

  @TestFactory
  Stream<DynamicTest> everySuiteCasePasses() throws IOException {
    Path root = root();
    Assumptions.assumeTrue(
        Files.isDirectory(root),
        "no gatekeeper-library suites at " + root + " (set -D" + PROPERTY + "=<folder>)");
    List<Path> suites;
    try (Stream<Path> files = Files.walk(root)) {
      suites = files.filter(p -> p.getFileName().toString().equals("suite.yaml")).sorted().toList();
    }
    assertThat(suites).as("suites under %s", root).isNotEmpty();
    RegoCompiler compiler =
        new RegoCompiler(new Binaries(Binaries.defaultCacheDir()).ensure("opa"));
    return suites.stream()
        .map(
            suite ->
                DynamicTest.dynamicTest(
                    root.relativize(suite.getParent()).toString(),
                    () -> {
                      List<GatorSuite.CaseResult> results =
                          GatorSuite.run(suite.getParent(), compiler);
                      assertThat(results).isNotEmpty();
                      assertThat(results)
                          .filteredOn(r -> !r.passed())
                          .as("failing cases")
                          .isEmpty();
                    }));
  }
}
