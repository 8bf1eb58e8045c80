package io.ocmj.cli;

import io.ocmj.cli.command.DevCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ocmj} command. */
@Command(
    name = "ocmj",
    mixinStandardHelpOptions = true,
    version = "ocmj 0.1.0-SNAPSHOT",
    description = "Open Cluster Management for the JVM.",
    subcommands = {DevCommand.class})
public final class Ocmj {
  public static void main(String[] args) {
    System.exit(new CommandLine(new Ocmj()).execute(args));
  }
}
