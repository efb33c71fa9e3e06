package dev.gregor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code gregor} command; each subcommand lives in its own {@code XxxCommand} file. */
@Command(
    name = "gregor",
    // Inherited: every subcommand gets -h/--help, -V/--version and the headings below.
    scope = CommandLine.ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    version = "gregor 0.1.0-SNAPSHOT",
    subcommands = {DevCommand.class, CommandLine.HelpCommand.class},
    sortOptions = false,
    headerHeading = "%n",
    header = "gregor - a command line for Apache Kafka, with a real broker built in",
    synopsisHeading = "%nUsage:%n  ",
    descriptionHeading = "%nDescription:%n",
    description = {
        "  Gregor runs a real Apache Kafka broker (KRaft, no ZooKeeper, no Docker) for",
        "  development with one command, and will produce, consume and manage topics",
        "  and consumer groups. Run 'gregor help COMMAND' for the options of a command."},
    optionListHeading = "%nOptions:%n",
    commandListHeading = "%nCommands:%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:success",
        "1:usage error: an unknown command or option, or a malformed value",
        "2:Kafka or broker error: the broker could not start or failed"},
    footerHeading = "%nExamples:%n",
    footer = {
        "  Start a broker on localhost:9092, keeping its data in ~/.gregor/dev:",
        "    gregor dev",
        "  The same, with every topic of earlier runs deleted first:",
        "    gregor dev --fresh",
        "  A 3-node cluster on ports 9092-9094:",
        "    gregor dev --nodes 3",
        "  A broker on a free port, for a script that reads the address it prints:",
        "    gregor dev --port 0 --data-dir /tmp/kafka",
        "  Every option of a command:",
        "    gregor help dev"})
public final class GregorCommand {
  static final int EXIT_OK = 0;
  static final int EXIT_USAGE = 1;
  static final int EXIT_KAFKA = 2;

  /**
   * The command line with Gregor's exit codes and error output; tests run exactly what users
   * run by executing it in-process.
   */
  public static CommandLine commandLine() {
    return new CommandLine(new GregorCommand())
        .setParameterExceptionHandler(new UsageErrorHandler())
        .setExecutionExceptionHandler(new BrokerErrorHandler())
        .setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? EXIT_USAGE : EXIT_KAFKA);
  }
}
