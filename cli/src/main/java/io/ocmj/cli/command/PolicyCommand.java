package io.ocmj.cli.command;

import io.ocmj.cli.UserError;
import io.ocmj.policy.rego.GatorSuite;
import io.ocmj.policy.rego.RegoCompiler;
import io.ocmj.policy.rego.RegoException;
import io.ocmj.testing.Binaries;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ocmj policy verify <folder>}: runs Gatekeeper {@code suite.yaml} files (gator's format)
 * found in the folder through ocmj's Rego engine, as {@code gator verify} does; exit 1 when a case
 * fails.
 */
@Command(
    name = "policy",
    mixinStandardHelpOptions = true,
    description = "Policy tools: verify <folder> runs Gatekeeper suite.yaml files.")
public final class PolicyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", description = "What to do: verify.")
  String action;

  @Parameters(index = "1", description = "A folder with suite.yaml files (searched recursively).")
  Path folder;

  @Option(
      names = "--opa",
      description = "The opa binary that compiles Rego (default: built into ~/.cache/ocmj/bin).")
  Path opa;

  @Override
  public Integer call() throws IOException {
    if (!"verify".equals(action)) {
      throw new UserError(
          "policy " + action + ": unknown action; try: ocmj policy verify <folder>");
    }
    if (!Files.isDirectory(folder)) {
      throw new UserError("policy verify: " + folder + " is not a folder");
    }
    List<Path> suites;
    try (Stream<Path> files = Files.walk(folder)) {
      suites = files.filter(p -> p.getFileName().toString().equals("suite.yaml")).sorted().toList();
    }
    if (suites.isEmpty()) {
      throw new UserError("policy verify: no suite.yaml under " + folder);
    }
    RegoCompiler compiler =
        new RegoCompiler(
            opa != null ? opa : new Binaries(Binaries.defaultCacheDir()).ensure("opa"));
    PrintWriter out = spec.commandLine().getOut();
    int failed = 0;
    for (Path suite : suites) {
      failed += verify(out, compiler, suite.getParent());
    }
    out.printf(
        "%d suite(s), %s%n", suites.size(), failed == 0 ? "all cases pass" : failed + " failing");
    out.flush();
    return failed == 0 ? 0 : 1;
  }

  private static int verify(PrintWriter out, RegoCompiler compiler, Path dir) {
    try {
      int failed = 0;
      for (GatorSuite.CaseResult r : GatorSuite.run(dir, compiler)) {
        out.printf(
            "%s %s / %s / %s: %s%n",
            r.passed() ? "PASS" : "FAIL", dir.getFileName(), r.test(), r.name(), r.detail());
        failed += r.passed() ? 0 : 1;
      }
      return failed;
    } catch (IOException | RegoException | RuntimeException e) {
      out.printf("FAIL %s: %s%n", dir, e.getMessage());
      return 1;
    }
  }
}
