package dev.gregor.cli;

import dev.gregor.cli.internal.BadLine;
import dev.gregor.cli.internal.ByteEncoding;
import dev.gregor.cli.internal.CountingInputStream;
import dev.gregor.cli.internal.InputMessage;
import dev.gregor.cli.internal.JsonLines;
import dev.gregor.cli.internal.KnownNames;
import dev.gregor.cli.internal.LineDelivery;
import dev.gregor.cli.internal.PartitionerName;
import dev.gregor.cli.internal.Progress;
import dev.gregor.cli.internal.TextLines;
import dev.gregor.client.Acks;
import dev.gregor.client.Compression;
import dev.gregor.client.Gregor;
import dev.gregor.client.Message;
import dev.gregor.client.Produce;
import dev.gregor.client.Producer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code gregor produce TOPIC}: every line of standard input or a file becomes a message. */
@Command(
    name = "produce",
    sortOptions = false,
    headerHeading = "%n",
    header = "Send lines of text or JSON from standard input or a file to a topic",
    synopsisHeading = "%nUsage:%n  ",
    descriptionHeading = "%nDescription:%n",
    description = {
        "  Each line becomes one message, as Kafka's console producer does: type lines and end",
        "  with Ctrl-D, or pipe them in. Lines are sent in batches and acknowledged by the",
        "  cluster (acks all, idempotent, by default); when input pauses, what was read is",
        "  sent at once, so typed lines arrive as you type them.",
        "",
        "  With --key-separator, a line 'KEY<sep>VALUE' gets a key. With --json, each line is",
        "  an object: {\"key\": \"k\", \"value\": \"v\", \"headers\": {\"h\": \"x\"}, \"partition\": 0,",
        "  \"timestamp\": 1714564800000}; only value is needed, a non-string value is sent as",
        "  JSON text, and the topic and offset fields that 'consume --output json' prints are",
        "  ignored, so its output can be produced again. Blank JSON lines are skipped. Headers",
        "  may repeat a name: as a list [[\"tag\", \"one\"], [\"tag\", \"two\"]], or {\"tag\": [\"one\",",
        "  \"two\"]}. Every -H is sent, in order, repeated names included.",
        "",
        "  Keys and values that are not UTF-8 text are given in base64 or hex with",
        "  --key-encoding and --value-encoding (in text and JSON lines, and --key).",
        "",
        "  Messages with a key go to the partition murmur2 of the key chooses, as Java clients",
        "  do. librdkafka-based clients (kcat, Python, Go, .NET, Node) and ruby-kafka use",
        "  CRC-32 instead, so most keys land elsewhere: --partitioner consistent_random (or",
        "  -X partitioner=consistent_random, as kcat takes it) matches them.",
        "",
        "  A line that does not parse is reported on standard error with its line number;",
        "  --on-error says whether to stop there or go on. At the end, the counts of",
        "  delivered and failed messages go to standard error. Standard output stays empty.",
        "  On a terminal, standard error shows a progress line with the rate."},
    parameterListHeading = "%nArguments:%n",
    optionListHeading = "%nOptions:%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:every line was delivered",
        "1:usage error",
        "2:the cluster could not be reached, or some messages were not delivered",
        "3:some lines did not parse (with --on-error skip, the others were sent)"},
    footerHeading = "%nExamples:%n",
    footer = {
        "  Type messages, one per line, Ctrl-D to end:",
        "    gregor produce greetings",
        "  One message from a shell:",
        "    echo 'hello Kafka' | gregor produce greetings",
        "  Keyed messages from a file of 'key:value' lines, lz4-compressed:",
        "    gregor produce orders --file orders.txt --key-separator : --compression lz4",
        "  JSON lines with keys and headers:",
        "    echo '{\"key\":\"42\",\"value\":{\"total\":9.5},\"headers\":{\"source\":\"shell\"}}' \\",
        "      | gregor produce orders --json",
        "  Copy a topic, keys, headers and timestamps included:",
        "    gregor consume orders --from-beginning --exit --output json | gregor produce orders-copy --json"})
public final class ProduceCommand implements Callable<Integer> {
  private static final long BATCH_BYTES = 4L * 1024 * 1024;

  @Parameters(paramLabel = "TOPIC", description = "The topic to write to.")
  String topic;

  @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Read lines from FILE instead of standard input.")
  Path file;

  @Option(names = {"-K", "--key-separator"}, paramLabel = "SEP",
      description = "Split each line at the first SEP into key and value; a line without SEP is a bad line.")
  String keySeparator;

  @Option(names = {"-k", "--key"}, paramLabel = "KEY", description = "The key of every message (with --json: unless the line has one).")
  String key;

  @Option(names = {"-p", "--partition"}, paramLabel = "N",
      description = "Write every message to partition N instead of choosing by key (with --json: unless the line says).")
  Integer partition;

  @Option(names = {"-H", "--header"}, paramLabel = "NAME=VALUE", converter = HeaderConverter.class,
      description = "A header on every message; repeatable, names too, sent in order (with --json: a line's headers "
          + "of the same name replace it).")
  List<Message.Header> headers = new ArrayList<>();

  @Option(names = "--partitioner", paramLabel = "NAME",
      description = "How a key picks the partition, by librdkafka's names: consistent, consistent_random (CRC-32, "
          + "librdkafka's default), murmur2, murmur2_random (the Java client's default), random. Also -X partitioner=NAME. "
          + "Default: murmur2_random.")
  String partitionerName;

  @Option(names = "--key-encoding", paramLabel = "utf8|base64|hex", defaultValue = "utf8",
      description = "How keys are written in the input (and --key): text, or base64 or hex for any bytes. Default: ${DEFAULT-VALUE}.")
  ByteEncoding keyEncoding;

  @Option(names = "--value-encoding", paramLabel = "utf8|base64|hex", defaultValue = "utf8",
      description = "How values are written in the input: text, or base64 or hex for any bytes. Default: ${DEFAULT-VALUE}.")
  ByteEncoding valueEncoding;

  @Option(names = "--json", description = "Read JSON lines (key, value, headers, partition, timestamp) instead of text.")
  boolean json;

  @Option(names = "--acks", paramLabel = "all|leader|none", defaultValue = "all", converter = AcksConverter.class,
      description = "Replicas that must have a message before it counts as delivered (-1, 1, 0 work too). Default: ${DEFAULT-VALUE}.")
  Acks acks;

  @Option(names = {"-z", "--compression"}, paramLabel = "none|gzip|snappy|lz4|zstd", defaultValue = "none",
      description = "Compress batches with this codec. Default: ${DEFAULT-VALUE}.")
  Compression compression;

  @Option(names = "--idempotent", negatable = true,
      description = "No duplicates from retries. Default: on with --acks all, off otherwise (it needs acks all).")
  Boolean idempotent;

  @Option(names = "--on-error", paramLabel = "stop|skip", defaultValue = "stop",
      description = "After a bad line or an undelivered batch: stop reading, or report it and go on. Default: ${DEFAULT-VALUE}.")
  OnError onError;

  @Option(names = "--batch", paramLabel = "N", defaultValue = "5000",
      description = "Send at most N messages per batch (also at 4 MB, and whenever input pauses). Default: ${DEFAULT-VALUE}.")
  int batch;

  @Option(names = "--progress", negatable = true,
      description = "Show a progress line with the rate on standard error. Default: when standard error is a terminal.")
  Boolean progress;

  @Option(names = {"-q", "--quiet"}, description = "Do not print the counts at the end (errors are still printed).")
  boolean quiet;

  @Mixin
  KafkaOptions kafkaOptions;

  @ParentCommand
  GregorCommand gregor;

  private long badLines;
  private boolean stopped;
  private PartitionerName partitioner;

  @Override
  public Integer call() throws IOException {
    checkOptions();
    partitioner = partitioner();
    PrintWriter err = kafkaOptions.command.commandLine().getErr();
    Function<String, InputMessage> parser = json
        ? new JsonLines(keyEncoding, valueEncoding)::parse
        : new TextLines(keySeparator, keyEncoding, valueEncoding)::parse;
    byte[] defaultKey = defaultKey();
    LineDelivery delivery;
    try (InputStream opened = open(); Gregor kafka = kafkaOptions.connect(); Producer producer = kafka.producer(this::configure)) {
      noteLikelyTypo(kafka, err);
      CountingInputStream input = new CountingInputStream(opened);
      Progress bar = new Progress(err, progress != null ? progress : gregor.stderrIsTerminal(), file == null ? -1 : Files.size(file));
      delivery = new LineDelivery(producer, topic);
      BufferedReader reader = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8), 64 * 1024);
      long lineNumber = 0;
      for (String line = reader.readLine(); line != null && !stopped; line = reader.readLine()) {
        lineNumber++;
        if (json && line.isBlank()) {
          continue;
        }
        InputMessage message;
        try {
          message = parser.apply(line);
        } catch (BadLine e) {
          report(err, "line " + lineNumber + ": " + e.getMessage());
          badLines++;
          stopped = onError == OnError.STOP;
          continue;
        }
        delivery.add(lineNumber, message.value(), options(message, defaultKey));
        // ready() is false when a person pauses typing or a pipe runs dry: send what is there now.
        if (delivery.bufferedMessages() >= batch || delivery.bufferedBytes() >= BATCH_BYTES || !reader.ready()) {
          deliver(err, delivery);
          bar.update(delivery.delivered() + delivery.failed(), input.count());
        }
      }
      deliver(err, delivery);
      bar.clear();
    }
    summarize(err, delivery);
    return delivery.failed() > 0 ? GregorCommand.EXIT_KAFKA : badLines > 0 ? GregorCommand.EXIT_BAD_INPUT : GregorCommand.EXIT_OK;
  }

  private void checkOptions() {
    if (keySeparator != null && (keySeparator.isEmpty() || json || key != null)) {
      throw new ParameterException(kafkaOptions.command.commandLine(), keySeparator.isEmpty()
          ? "--key-separator must not be empty"
          : "--key-separator cannot be combined with " + (json ? "--json (a JSON line has a key field)" : "--key"));
    }
    if (batch < 1) {
      throw new ParameterException(kafkaOptions.command.commandLine(), "--batch must be at least 1, was " + batch);
    }
    if (Boolean.TRUE.equals(idempotent) && acks != Acks.ALL) {
      throw new ParameterException(kafkaOptions.command.commandLine(),
          "--idempotent needs --acks all, but --acks is " + acks.name().toLowerCase(Locale.ROOT));
    }
    if (partition != null && partition < 0) {
      throw new ParameterException(kafkaOptions.command.commandLine(), "--partition must be 0 or more, was " + partition);
    }
  }

  private PartitionerName partitioner() {
    try {
      return PartitionerName.choose(partitionerName, kafkaOptions.properties);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(kafkaOptions.command.commandLine(), e.getMessage());
    }
  }

  private byte[] defaultKey() {
    try {
      return keyEncoding.decode(key, "--key");
    } catch (BadLine e) {
      throw new ParameterException(kafkaOptions.command.commandLine(), e.getMessage() + " (--key-encoding " + keyEncoding + ")");
    }
  }

  private InputStream open() throws IOException {
    if (file == null) {
      return new NotClosed(gregor.stdin());
    }
    try {
      return Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      throw new ParameterException(kafkaOptions.command.commandLine(), "--file " + file + " does not exist");
    }
  }

  private void configure(dev.gregor.client.ProducerSettings.Builder settings) {
    settings.acks(acks).compression(compression).maxBufferSize(batch).maxBufferBytesize(BATCH_BYTES * 4)
        .partitioner(partitioner.partitioner());
    if (idempotent != null) {
      settings.idempotent(idempotent);
    }
  }

  private Produce options(InputMessage message, byte[] defaultKey) {
    Produce options = Produce.options();
    byte[] messageKey = message.key() != null ? message.key() : defaultKey;
    if (messageKey != null) {
      options = options.withKey(messageKey);
    }
    Integer target = message.partition() != null ? message.partition() : partition;
    if (target != null) {
      options = options.withPartition(target);
    } else if (messageKey == null && partitioner.hashesMissingKey()) {
      options = options.withPartitionKey(""); // librdkafka hashes a missing key as an empty one
    }
    Set<String> named = message.headers().stream().map(Message.Header::name).collect(Collectors.toSet());
    for (Message.Header header : headers) {
      if (!named.contains(header.name())) {
        options = options.header(header.name(), header.value());
      }
    }
    for (Message.Header header : message.headers()) {
      options = options.header(header.name(), header.value());
    }
    return message.timestamp() == null ? options : options.createTime(message.timestamp());
  }

  private void deliver(PrintWriter err, LineDelivery delivery) {
    String failure = delivery.deliver();
    if (failure != null) {
      report(err, failure);
      stopped |= onError == OnError.STOP;
    }
  }

  private void summarize(PrintWriter err, LineDelivery delivery) {
    if (quiet) {
      return;
    }
    String summary = String.format(Locale.ROOT, "%,d delivered to %s, %,d failed", delivery.delivered(), topic, delivery.failed());
    if (badLines > 0) {
      summary += String.format(Locale.ROOT, ", %,d bad %s%s", badLines, badLines == 1 ? "line" : "lines",
          stopped && onError == OnError.STOP ? " (stopped at the first; --on-error skip goes on)" : " skipped");
    }
    err.println(summary);
    err.flush();
  }

  /** Most clusters create a topic on its first write, so a mistyped name would quietly become a new topic. */
  private void noteLikelyTypo(Gregor kafka, PrintWriter err) {
    if (!KnownNames.topicExists(kafka, topic)) {
      String close = KnownNames.closeTopics(kafka, topic);
      if (!close.isEmpty()) {
        report(err, "topic '" + topic + "' does not exist" + close
            + " Writing creates it if the cluster allows that (auto.create.topics.enable)");
      }
    }
  }

  private void report(PrintWriter err, String problem) {
    err.println(kafkaOptions.command.qualifiedName() + ": " + problem);
    err.flush();
  }

  /** Standard input stays open for whoever runs the command in-process after us. */
  private static final class NotClosed extends java.io.FilterInputStream {
    NotClosed(InputStream in) {
      super(in);
    }

    @Override
    public void close() {
      // not ours to close
    }
  }
}
