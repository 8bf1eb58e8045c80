package io.ocmj.cli.command;

import picocli.CommandLine.Command;

/** {@code ocmj dev}: a local development environment. */
@Command(
    name = "dev",
    mixinStandardHelpOptions = true,
    description = "Local development environment on real API servers.",
    subcommands = {DevUpCommand.class, DevDownCommand.class})
public final class DevCommand {}
