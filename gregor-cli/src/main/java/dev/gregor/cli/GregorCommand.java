package dev.gregor.cli;

import dev.gregor.cli.internal.Terminal;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code gregor} command; each subcommand lives in its own {@code XxxCommand} file. */
@Command(
    name = "gregor",
    // Inherited: every subcommand gets -h/--help, -V/--version and the headings below.
    scope = CommandLine.ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    version = "gregor 0.1.0-SNAPSHOT",
    sortOptions = false,
    headerHeading = "%n",
    header = "gregor - a command line for Apache Kafka, with a real broker built in",
    synopsisHeading = "%nUsage:%n  ",
    descriptionHeading = "%nDescription:%n",
    description = {
        "  Gregor runs a real Apache Kafka broker (KRaft, no ZooKeeper, no Docker) for",
        "  development with one command, produces lines of text or JSON to topics, consumes",
        "  them as text, kcat-style formats or JSON lines, manages topics and consumer groups,",
        "  and shows offsets, brokers and feature levels.",
        "  Run 'gregor help COMMAND' for the options and examples of a command.",
        "",
        "  Only data goes to standard output and everything else to standard error, so",
        "  commands combine in pipes; tables are for people, --output json for programs.",
        "",
        "Connection options (produce, consume, offsets, topics, groups, cluster):",
        "  -b, --bootstrap HOST:PORT[,...]   seed brokers; default: bootstrap.servers from",
        "                                    -X or --config, else $GREGOR_BOOTSTRAP, else",
        "                                    localhost:9092",
        "      --config FILE                 kafka-clients properties (SASL, SSL, tuning)",
        "  -X KEY=VALUE                      one kafka-clients property, overrides --config",
        "      --connect-timeout DURATION    how long to wait for the cluster (default 10s)",
        "      --output table|json           tables for people, JSON for programs",
        "      --verbose                     kafka-clients' logs and stack traces of errors"},
    optionListHeading = "%nOptions:%n",
    commandListHeading = "%nCommands:%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:success",
        "1:usage error: an unknown command or option, a malformed value or -X",
        "2:Kafka or broker error: unreachable cluster, unknown topic or group, refused change, failed delivery",
        "3:bad input: a line produce could not parse (see produce --on-error)"},
    footerHeading = "%nExamples:%n",
    footer = {
        "  Start a broker on localhost:9092, keeping its data in ~/.gregor/dev:",
        "    gregor dev",
        "  Send each line you type to the topic greetings (Ctrl-D ends):",
        "    gregor produce greetings",
        "  Read everything in greetings, then wait for more (Ctrl-C ends):",
        "    gregor consume greetings --from-beginning",
        "  Copy the first 10 messages of one topic to another:",
        "    gregor consume greetings --from-beginning --count 10 | gregor produce copies",
        "  The earliest and latest offset of each partition:",
        "    gregor offsets greetings",
        "  A topic with 6 partitions, and how far consumer group billing is behind:",
        "    gregor topics create orders --partitions 6",
        "    gregor groups describe billing",
        "  A 3-node cluster on ports 9092-9094:",
        "    gregor dev --nodes 3",
        "  Every option of a command:",
        "    gregor help consume"})
public final class GregorCommand {
  static final int EXIT_OK = 0;
  static final int EXIT_USAGE = 1;
  static final int EXIT_KAFKA = 2;
  static final int EXIT_BAD_INPUT = 3;
  static final int HELP_WIDTH = 100;

  /** The subcommands in the order help lists them; added in code, not in {@code @Command}, see {@link #commandLine(String[], InputStream, boolean, boolean)}. */
  private static final List<Class<?>> SUBCOMMANDS = List.of(DevCommand.class, InstallCommand.class, ConsoleCommand.class,
      ProduceCommand.class, ConsumeCommand.class, OffsetsCommand.class, TopicsCommand.class, GroupsCommand.class,
      DeadLettersCommand.class, ServerCommand.class, WorkerCommand.class, RoutesCommand.class, FlowCommand.class,
      InfoCommand.class, WebCommand.class, ClusterCommand.class, CompletionCommand.class, CommandLine.HelpCommand.class);
  /** The subcommands of each command that has some, in the order its help lists them, added in code as above. */
  private static final Map<Class<?>, List<Class<?>>> NESTED = Map.of(
      TopicsCommand.class, List.of(TopicsListCommand.class, TopicsCreateCommand.class, TopicsDescribeCommand.class,
          TopicsAlterCommand.class, TopicsAddPartitionsCommand.class, TopicsDeleteCommand.class,
          CommandLine.HelpCommand.class),
      GroupsCommand.class, List.of(GroupsListCommand.class, GroupsDescribeCommand.class, GroupsDeleteCommand.class,
          GroupsResetOffsetsCommand.class, CommandLine.HelpCommand.class),
      DeadLettersCommand.class, List.of(DeadLettersReplayCommand.class, CommandLine.HelpCommand.class),
      ClusterCommand.class, List.of(ClusterConfigsCommand.class));
  /** Subcommands that read the whole command tree. */
  private static final Set<String> WHOLE_TREE = Set.of("help", "completion");

  private final InputStream stdin;
  private final boolean stdoutIsTerminal;
  private final boolean stderrIsTerminal;

  private GregorCommand(InputStream stdin, boolean stdoutIsTerminal, boolean stderrIsTerminal) {
    this.stdin = stdin;
    this.stdoutIsTerminal = stdoutIsTerminal;
    this.stderrIsTerminal = stderrIsTerminal;
  }

  /**
   * The command line with Gregor's exit codes and error output, reading {@code System.in} and
   * printing neither colours nor progress; tests run exactly what users run by executing it in-process.
   */
  public static CommandLine commandLine() {
    return commandLine(System.in, false, false);
  }

  /** The command line reading {@code stdin}; colours and progress appear only on the terminals named. */
  public static CommandLine commandLine(InputStream stdin, boolean stdoutIsTerminal, boolean stderrIsTerminal) {
    return commandLine(stdin, stdoutIsTerminal, stderrIsTerminal, SUBCOMMANDS, null);
  }

  /**
   * The command line to execute {@code args} with: when they name a subcommand, or one of its
   * subcommands too as in {@code topics list}, only that branch is built, because picocli reflects over every
   * option of every command it is given and that was half of a command's start (see "CLI start" in
   * gregor-bench/README.md). Help, completion, no arguments and unknown names get the whole tree
   * (or the named command's whole subtree), so listings and suggestions stay complete.
   */
  public static CommandLine commandLine(String[] args, InputStream stdin, boolean stdoutIsTerminal, boolean stderrIsTerminal) {
    List<Class<?>> subcommands = args.length == 0 ? SUBCOMMANDS : named(SUBCOMMANDS, args[0]);
    return commandLine(stdin, stdoutIsTerminal, stderrIsTerminal, subcommands,
        subcommands.size() == 1 && args.length > 1 ? args[1] : null);
  }

  /** The one of {@code commands} called {@code name}, or all of them when none is or the name asks for all. */
  private static List<Class<?>> named(List<Class<?>> commands, String name) {
    if (name == null || WHOLE_TREE.contains(name)) {
      return commands;
    }
    for (Class<?> command : commands) {
      if (command.getAnnotation(Command.class).name().equals(name)) {
        return List.of(command);
      }
    }
    return commands;
  }

  private static CommandLine commandLine(InputStream stdin, boolean stdoutIsTerminal, boolean stderrIsTerminal,
      List<Class<?>> subcommands, String nestedName) {
    CommandLine commandLine = new CommandLine(new GregorCommand(stdin, stdoutIsTerminal, stderrIsTerminal));
    // Added before the settings below, which picocli applies only to the subcommands present.
    for (Class<?> subcommand : subcommands) {
      List<Class<?>> nested = NESTED.getOrDefault(subcommand, List.of());
      if (nested.isEmpty()) {
        commandLine.addSubcommand(subcommand);
      } else {
        CommandLine parent = new CommandLine(subcommand);
        named(nested, nestedName).forEach(parent::addSubcommand);
        commandLine.addSubcommand(parent);
      }
    }
    return commandLine
        .setCaseInsensitiveEnumValuesAllowed(true)
        // The help texts are laid out by hand; at picocli's default of 80 it would break their lines again.
        .setUsageHelpWidth(HELP_WIDTH)
        .setParameterExceptionHandler(new UsageErrorHandler())
        .setExecutionExceptionHandler(new BrokerErrorHandler())
        .setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? EXIT_USAGE : EXIT_KAFKA);
  }

  InputStream stdin() {
    return stdin;
  }

  boolean coloursOnStdout() {
    return Terminal.colours(stdoutIsTerminal);
  }

  boolean stderrIsTerminal() {
    return stderrIsTerminal;
  }
}
