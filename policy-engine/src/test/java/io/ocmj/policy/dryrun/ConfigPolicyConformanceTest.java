package io.ocmj.policy.dryrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every case folder (OCM's dry-run test-data layout) under the conformance root and asserts
 * the same report: status comparison, diffs and compliance messages. The root is {@code
 * ../shared/conformance/config-policy} beside the checkout, or the folder named by the system
 * property {@code ocmj.configPolicyCases}; the test is skipped, saying why, when it is absent.
 */
class ConfigPolicyConformanceTest {
  static final String PROPERTY = "ocmj.configPolicyCases";

  static Path root() {
    String configured = System.getProperty(PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    return Path.of("..", "..", "shared", "conformance", "config-policy")
        .toAbsolutePath()
        .normalize();
  }

  @TestFactory
  Stream<DynamicTest> everyCaseReportsWhatOcmReports() throws IOException {
    Path root = root();
    Assumptions.assumeTrue(
        Files.isDirectory(root),
        "no config-policy conformance cases at "
            + root
            + " (set -D"
            + PROPERTY
            + "=<folder> to run cases from elsewhere)");
    List<Path> cases;
    try (Stream<Path> dirs = Files.walk(root)) {
      cases = dirs.filter(Files::isDirectory).filter(DryRunCase::isCase).sorted().toList();
    }
    assertThat(cases).as("case folders under %s", root).isNotEmpty();
    return cases.stream()
        .map(dir -> DynamicTest.dynamicTest(root.relativize(dir).toString(), () -> check(dir)));
  }

  private static void check(Path dir) throws Exception {
    DryRunCase c = DryRunCase.load(dir);
    assertThat(c.expectedOutput()).as("%s/output.txt", dir).isNotNull();
    DryRun.Report report = DryRun.run(c.policy(), c.inputs(), c.desiredStatus());
    assertThat(normalise(report.text())).isEqualTo(normalise(c.expectedOutput()));
  }

  /** Drops ANSI colour codes (upstream prints some cases in colour) and trailing blank lines. */
  static String normalise(String text) {
    return text.replaceAll("\u001B\\[[0-9;]*m", "").stripTrailing();
  }
}
