package io.ocmj.cli.command;

import picocli.CommandLine.Option;

/** The {@code -o/--output} option of the commands that print hub resources. */
final class OutputMixin {
  enum Format {
    table,
    json,
    yaml
  }

  @Option(
      names = {"-o", "--output"},
      defaultValue = "table",
      description = "table, json or yaml (default: ${DEFAULT-VALUE}).")
  Format format;
}
