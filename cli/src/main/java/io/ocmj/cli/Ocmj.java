package io.ocmj.cli;

import io.ocmj.api.OcmjVersion;
import io.ocmj.cli.command.AcceptCommand;
import io.ocmj.cli.command.AddonCommand;
import io.ocmj.cli.command.ComplianceCommand;
import io.ocmj.cli.command.DevCommand;
import io.ocmj.cli.command.GetCommand;
import io.ocmj.cli.command.HubCommand;
import io.ocmj.cli.command.InitCommand;
import io.ocmj.cli.command.JoinCommand;
import io.ocmj.cli.command.PlanCommand;
import io.ocmj.cli.command.PolicyCommand;
import io.ocmj.cli.command.RebootstrapCommand;
import io.ocmj.cli.command.SyncCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ocmj} command. */
@Command(
    name = "ocmj",
    mixinStandardHelpOptions = true,
    versionProvider = Ocmj.Version.class,
    description = "Open Cluster Management for the JVM.",
    subcommands = {
      DevCommand.class,
      HubCommand.class,
      InitCommand.class,
      JoinCommand.class,
      AcceptCommand.class,
      GetCommand.class,
      ComplianceCommand.class,
      PlanCommand.class,
      PolicyCommand.class,
      SyncCommand.class,
      RebootstrapCommand.class,
      AddonCommand.class
    })
public final class Ocmj {
  public static void main(String[] args) {
    JvmDefaults.apply(); // before anything loads the classes that read its settings
    System.exit(commandLine().execute(args));
  }

  /** The command line with ocmj's error handling: a {@link UserError} is one line, exit 1. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Ocmj());
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof UserError) {
            commandLine.getErr().println("ocmj: " + e.getMessage());
            commandLine.getErr().flush();
            return 1;
          }
          throw e;
        });
    return cli;
  }

  /** {@code ocmj --version}: the version the build wrote ({@link OcmjVersion}). */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"ocmj " + OcmjVersion.get()};
    }
  }
}
