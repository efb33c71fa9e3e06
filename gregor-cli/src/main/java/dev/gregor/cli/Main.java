package dev.gregor.cli;

import java.util.Arrays;
import java.util.List;

/** The entry point of {@code gregor}: configures logging, runs {@link GregorCommand} and exits with its code. */
public final class Main {
  /** Loggers of the broker, which at warn still report every client that disconnects. */
  private static final List<String> BROKER_LOGGERS = List.of("org.apache.kafka", "kafka", "state.change.logger",
      "com.yammer.metrics");

  private Main() {}

  /** Runs {@code gregor ARGS} and exits with 0, 1 (usage error) or 2 (Kafka or broker error). */
  public static void main(String[] args) {
    configureLogging(Arrays.asList(args).contains("--verbose"));
    System.exit(GregorCommand.commandLine().execute(args));
  }

  /**
   * slf4j-simple reads these once, when the first logger is created, so this must run before
   * anything touches Kafka; a value the user passed with {@code -D} wins.
   */
  static void configureLogging(boolean verbose) {
    defaultTo("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    // stdout belongs to the command's own output, which users pipe.
    defaultTo("org.slf4j.simpleLogger.logFile", "System.err");
    for (String logger : BROKER_LOGGERS) {
      defaultTo("org.slf4j.simpleLogger.log." + logger, verbose ? "info" : "error");
    }
    if (verbose) {
      defaultTo("org.slf4j.simpleLogger.log.dev.gregor", "info");
      defaultTo("org.slf4j.simpleLogger.showDateTime", "true");
    }
  }

  private static void defaultTo(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }
}
