package dev.gregor.cli;

import dev.gregor.cli.internal.ByteEncoding;
import dev.gregor.cli.internal.GroupReader;
import dev.gregor.cli.internal.KcatFormat;
import dev.gregor.cli.internal.KnownNames;
import dev.gregor.cli.internal.MessageJson;
import dev.gregor.cli.internal.MessageOutput;
import dev.gregor.cli.internal.MessageReader;
import dev.gregor.cli.internal.PartitionReader;
import dev.gregor.cli.internal.StartOffset;
import dev.gregor.cli.internal.TopicReader;
import dev.gregor.client.Gregor;
import dev.gregor.client.Message;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code gregor consume TOPIC...}: prints messages as text, kcat-style formats or JSON lines. */
@Command(
    name = "consume",
    sortOptions = false,
    headerHeading = "%n",
    header = "Print the messages of topics as text, a kcat-style format or JSON lines",
    synopsisHeading = "%nUsage:%n  ",
    descriptionHeading = "%nDescription:%n",
    description = {
        "  Prints each message's value on a line of its own, as Kafka's console consumer does,",
        "  starting with the messages written from now on; --from-beginning starts with the",
        "  oldest message still stored. It waits for more until Ctrl-C, --count messages were",
        "  printed, the end was reached (--exit) or nothing came for --timeout.",
        "",
        "  Without --group no offsets are committed, so every run starts afresh. With --group",
        "  the printed messages are committed for that consumer group, and the next run with",
        "  the same group continues after them (--from-beginning and --offset earliest|latest",
        "  then only apply where the group has not committed yet).",
        "",
        "  --format takes kcat's placeholders: %%t topic, %%p partition, %%o offset, %%k key,",
        "  %%s value, %%h headers (name=value,...), %%T timestamp (epoch ms), %%K and %%S key and",
        "  value sizes (-1 for none), %%%% a percent sign; \\n and \\t escapes. Like kcat's -f it",
        "  adds no newline by itself. --output json prints one object per line with topic,",
        "  partition, offset, timestamp, key, value and headers: 'produce --json' reads it back.",
        "",
        "  Values, keys and headers are printed as UTF-8 text; --key-encoding and",
        "  --value-encoding base64 or hex print keys and values that are not text (in every",
        "  output form; 'produce' takes the same options). A header name may repeat: %%h prints",
        "  each one, and JSON lists them as [[name, value], ...] when a name repeats. Only",
        "  messages go to standard output; the count at the end goes to standard error."},
    parameterListHeading = "%nArguments:%n",
    optionListHeading = "%nOptions:%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:the count, the end (--exit) or the idle --timeout was reached, or Ctrl-C",
        "1:usage error",
        "2:a topic or partition does not exist, or the cluster could not be reached"},
    footerHeading = "%nExamples:%n",
    footer = {
        "  Everything in greetings, then new messages as they come (Ctrl-C ends):",
        "    gregor consume greetings --from-beginning",
        "  The first 10 messages, then exit:",
        "    gregor consume greetings --from-beginning --count 10",
        "  Everything there is now, with keys and partitions, kcat-style:",
        "    gregor consume greetings --offset earliest --exit --format '%%p:%%o %%k=%%s\\n'",
        "  The last 5 messages of partition 0:",
        "    gregor consume greetings --partition 0 --offset -5 --exit",
        "  Messages of the last hour as JSON lines:",
        "    gregor consume greetings --offset @-1h --exit --output json",
        "  As consumer group 'audit', continuing where the last run stopped:",
        "    gregor consume greetings --group audit --from-beginning",
        "  Only committed messages of transactions:",
        "    gregor consume payments --isolation read_committed --from-beginning"})
public final class ConsumeCommand implements Callable<Integer> {
  private static final long STOP_WAIT_SECONDS = 30;

  @Parameters(paramLabel = "TOPIC", arity = "1..*", description = "The topics to read.")
  List<String> topics;

  @Option(names = "--from-beginning", description = "Start with the oldest message still stored (as --offset earliest).")
  boolean fromBeginning;

  @Option(names = {"-o", "--offset"}, paramLabel = "earliest|latest|N|-N|@TIME",
      description = "Where to start in each partition: earliest, latest (the default), offset N, the last N "
          + "messages (-N), or the first at or after TIME (@1714564800000, @2024-05-01T12:00:00Z, @-1h).")
  String offset;

  @Option(names = {"-p", "--partition"}, paramLabel = "N", split = ",",
      description = "Read only these partitions (repeatable or comma-separated); not with --group.")
  List<Integer> partitions = new ArrayList<>();

  @Option(names = {"-g", "--group"}, paramLabel = "GROUP",
      description = "Read as a member of consumer group GROUP and commit what was printed.")
  String group;

  @Option(names = {"-c", "--count"}, paramLabel = "N", description = "Exit after printing N messages.")
  Long count;

  @Option(names = {"-e", "--exit"},
      description = "Exit at the end of every partition (as it was at the start) instead of waiting; with --group, "
          + "at the end of every partition assigned to this member.")
  boolean exit;

  @Option(names = "--follow", description = "Keep waiting for new messages after the end (the default; the opposite of --exit).")
  boolean follow;

  @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Exit when no message arrived for DURATION (10s, 1m).")
  Duration timeout;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "Print each message as FORMAT (kcat's -f; see above).")
  String format;

  @Option(names = "--key-encoding", paramLabel = "utf8|base64|hex", defaultValue = "utf8",
      description = "Print keys as UTF-8 text, or base64 or hex for any bytes. Default: ${DEFAULT-VALUE}.")
  ByteEncoding keyEncoding;

  @Option(names = "--value-encoding", paramLabel = "utf8|base64|hex", defaultValue = "utf8",
      description = "Print values as UTF-8 text, or base64 or hex for any bytes. Default: ${DEFAULT-VALUE}.")
  ByteEncoding valueEncoding;

  @Option(names = "--isolation", paramLabel = "read_uncommitted|read_committed", defaultValue = "read_uncommitted",
      description = "read_committed skips messages of open and aborted transactions. Default: ${DEFAULT-VALUE}.")
  Isolation isolation;

  @Option(names = {"-q", "--quiet"}, description = "Do not print the count of messages at the end.")
  boolean quiet;

  @Mixin
  KafkaOptions kafkaOptions;

  @ParentCommand
  GregorCommand gregor;

  /** Kafka's isolation.level values. */
  enum Isolation { READ_UNCOMMITTED, READ_COMMITTED }

  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile MessageReader reader;
  private volatile boolean timedOut;

  @Override
  public Integer call() {
    StartOffset start = startOffset();
    Function<Message, String> formatter = formatter();
    checkCombinations(start);
    PrintWriter out = kafkaOptions.command.commandLine().getOut();
    MessageOutput output = new MessageOutput(out, formatter, count == null ? Long.MAX_VALUE : count);
    Thread shutdownHook = new Thread(this::stopAndWait, "gregor-consume-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "gregor-consume-flush");
      thread.setDaemon(true);
      return thread;
    });
    boolean completed = false;
    try (Gregor kafka = kafkaOptions.connect(Map.of("isolation.level", isolation.name().toLowerCase(Locale.ROOT)))) {
      KnownNames.requireTopics(kafka, topics); // an unknown topic fails now, not after a silent wait
      reader = reader(kafka, start);
      flusher.scheduleWithFixedDelay(() -> tick(output), 100, 100, TimeUnit.MILLISECONDS);
      if (count == null || count > 0) {
        reader.run(output);
      }
      completed = true;
    } finally {
      flusher.shutdownNow();
      output.flush();
      if (completed) {
        summarize(output);
      }
      // Last: on Ctrl-C the JVM exits as soon as the shutdown hook sees this.
      finished.countDown();
      removeQuietly(shutdownHook);
    }
    return GregorCommand.EXIT_OK;
  }

  private void summarize(MessageOutput output) {
    if (!quiet) {
      PrintWriter err = kafkaOptions.command.commandLine().getErr();
      err.printf(Locale.ROOT, "%,d %s%s%n", output.written(), output.written() == 1 ? "message" : "messages",
          timedOut ? " (no message for " + timeout.toString().substring(2).toLowerCase(Locale.ROOT) + ")" : "");
      err.flush();
    }
  }

  /** Flushes the output a few times a second and ends reading when the pipe closed or the idle timeout passed. */
  private void tick(MessageOutput output) {
    output.flush();
    boolean idle = timeout != null && System.nanoTime() - output.lastMessageNanos() > timeout.toNanos();
    if (idle) {
      timedOut = true;
    }
    if (idle || output.closed()) {
      reader.stop();
    }
  }

  private MessageReader reader(Gregor kafka, StartOffset start) {
    if (group != null) {
      return new GroupReader(kafka, group, topics, start.kind() == StartOffset.Kind.EARLIEST, exit);
    }
    if (partitions.isEmpty() && (start.kind() == StartOffset.Kind.EARLIEST || start.kind() == StartOffset.Kind.LATEST)) {
      return new TopicReader(kafka, topics, start.kind() == StartOffset.Kind.EARLIEST, exit);
    }
    return PartitionReader.at(kafka, topics, partitions, start, exit);
  }

  private StartOffset startOffset() {
    if (offset == null) {
      return fromBeginning ? StartOffset.EARLIEST : StartOffset.LATEST;
    }
    try {
      StartOffset parsed = StartOffset.parse(offset, Instant.now());
      if (fromBeginning && parsed.kind() != StartOffset.Kind.EARLIEST) {
        throw usage("--from-beginning cannot be combined with --offset " + offset);
      }
      return parsed;
    } catch (IllegalArgumentException e) {
      throw usage("--offset: " + e.getMessage());
    }
  }

  private Function<Message, String> formatter() {
    if (format != null && kafkaOptions.output == OutputFormat.JSON) {
      throw usage("--format cannot be combined with --output json");
    }
    if (format != null) {
      try {
        return KcatFormat.compile(format, keyEncoding, valueEncoding)::format;
      } catch (IllegalArgumentException e) {
        throw usage("--format: " + e.getMessage());
      }
    }
    if (kafkaOptions.output == OutputFormat.JSON) {
      MessageJson json = new MessageJson(keyEncoding, valueEncoding);
      return message -> json.format(message) + System.lineSeparator(); // called under the output's lock
    }
    return message -> (message.value() == null ? "" : valueEncoding.encode(message.value())) + System.lineSeparator();
  }

  private void checkCombinations(StartOffset start) {
    if (exit && follow) {
      throw usage("--exit and --follow contradict each other; choose one");
    }
    if (count != null && count < 0) {
      throw usage("--count must be 0 or more, was " + count);
    }
    if (partitions.stream().anyMatch(p -> p < 0)) {
      throw usage("--partition must be 0 or more, was " + partitions);
    }
    if (group != null) {
      if (group.isBlank()) {
        throw usage("--group must not be blank");
      }
      if (!partitions.isEmpty()) {
        throw usage("--partition cannot be combined with --group: the group assigns the partitions");
      }
      if (start.kind() != StartOffset.Kind.EARLIEST && start.kind() != StartOffset.Kind.LATEST) {
        throw usage("--offset " + offset + " cannot be combined with --group: a group starts at its committed "
            + "offsets, or at earliest or latest where it has none");
      }
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(kafkaOptions.command.commandLine(), message);
  }

  /** Ctrl-C or SIGTERM: stop reading, and let the command commit (with --group) and flush before the JVM exits. */
  private void stopAndWait() {
    MessageReader running = reader;
    if (running != null) {
      running.stop();
    }
    try {
      finished.await(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void removeQuietly(Thread shutdownHook) {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down and running this very hook.
    }
  }
}
