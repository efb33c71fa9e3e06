package dev.gregor.cli;

import dev.gregor.cli.internal.KafkaWarmUp;
import dev.gregor.cli.internal.Terminal;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;

/** The entry point of {@code gregor}: configures logging, runs {@link GregorCommand} and exits with its code. */
public final class Main {
  /** Loggers of the broker, which at warn still report every client that disconnects. */
  private static final List<String> BROKER_LOGGERS = List.of("org.apache.kafka", "kafka", "state.change.logger",
      "com.yammer.metrics");

  private Main() {}

  /** Runs {@code gregor ARGS} and exits with 0, 1 (usage error), 2 (Kafka or broker error) or 3 (bad input). */
  public static void main(String[] args) {
    configureLogging(Arrays.asList(args).contains("--verbose"),
        args.length > 0 && (args[0].equals("server") || args[0].equals("worker")));
    if (args.length > 0) {
      KafkaWarmUp.startFor(args[0]);
    }
    CommandLine commandLine = GregorCommand.commandLine(args, System.in, Terminal.stdout(), Terminal.stderr());
    // UTF-8 whatever the locale says: messages are data, and a C locale would turn them into '?'.
    commandLine.setOut(new PrintWriter(new BufferedWriter(
        new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 64 * 1024)));
    commandLine.setErr(new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true));
    int exitCode = commandLine.execute(args);
    commandLine.getOut().flush();
    System.exit(exitCode);
  }

  /**
   * slf4j-simple reads these once, when the first logger is created, so this must run before
   * anything touches Kafka; a value the user passed with {@code -D} wins. An app's server or worker is a
   * service: its own lines (an app logs at info) are its output, with times; Kafka's stay at warn.
   */
  static void configureLogging(boolean verbose, boolean service) {
    defaultTo("org.slf4j.simpleLogger.defaultLogLevel", service ? "info" : "warn");
    // stdout belongs to the command's own output, which users pipe.
    defaultTo("org.slf4j.simpleLogger.logFile", "System.err");
    for (String logger : BROKER_LOGGERS) {
      defaultTo("org.slf4j.simpleLogger.log." + logger, verbose ? "info" : service ? "warn" : "error");
    }
    if (verbose || service) {
      defaultTo("org.slf4j.simpleLogger.log.dev.gregor", "info");
      defaultTo("org.slf4j.simpleLogger.showDateTime", "true");
      defaultTo("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd HH:mm:ss.SSS");
    }
  }

  private static void defaultTo(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }
}
