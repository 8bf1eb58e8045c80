package io.ocmj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * docs/cli.md is the usage picocli prints for every ocmj command, so the reference cannot drift
 * from the code: this test fails when they differ, and {@code -Docmj.updateDocs=true} rewrites it.
 */
class CliReferenceTest {
  private static final Path DOC = Path.of("..", "docs", "cli.md");

  @Test
  void docsCliMdIsWhatPicocliPrints() throws IOException {
    String expected = reference();
    if (Boolean.getBoolean("ocmj.updateDocs")) {
      Files.writeString(DOC, expected, StandardCharsets.UTF_8);
    }
    assertThat(DOC).exists();
    assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
        .as("docs/cli.md is stale: run the cli tests with -Docmj.updateDocs=true")
        .isEqualTo(expected);
  }

  static String reference() {
    StringBuilder doc = new StringBuilder();
    doc.append("# ocmj command reference\n\n")
        .append("Generated from the picocli definitions by `CliReferenceTest` (regenerate:\n")
        .append("`mvn -o test -pl cli -Dtest=CliReferenceTest -Docmj.updateDocs=true`).\n");
    CommandLine root = Ocmj.commandLine();
    root.setUsageHelpWidth(100);
    append(doc, root, "ocmj");
    return doc.toString();
  }

  private static void append(StringBuilder doc, CommandLine command, String path) {
    doc.append("\n## ").append(path).append("\n\n```\n");
    command.setUsageHelpWidth(100);
    doc.append(command.getUsageMessage(CommandLine.Help.Ansi.OFF).stripTrailing());
    doc.append("\n```\n");
    command
        .getSubcommands()
        .forEach(
            (name, sub) -> {
              if (sub.getCommandSpec().name().equals(name)) { // aliases once
                append(doc, sub, path + " " + name);
              }
            });
  }
}
