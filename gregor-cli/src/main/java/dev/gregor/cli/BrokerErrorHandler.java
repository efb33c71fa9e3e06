package dev.gregor.cli;

import dev.gregor.client.GregorException;
import dev.gregor.embedded.EmbeddedKafkaException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Reports a failure while a command runs as one line naming the problem, and exits 2; the stack
 * trace appears with {@code --verbose}, or always for a failure nobody anticipated (a bug).
 */
final class BrokerErrorHandler implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
    PrintWriter err = command.getErr();
    err.println(command.getCommandSpec().qualifiedName() + ": " + message(e));
    if (!anticipated(e) || command.getParseResult().hasMatchedOption("--verbose")) {
      e.printStackTrace(err);
    }
    err.flush();
    return GregorCommand.EXIT_KAFKA;
  }

  private static boolean anticipated(Exception e) {
    return e instanceof EmbeddedKafkaException || e instanceof GregorException || e instanceof IllegalArgumentException
        || e instanceof KafkaException || e instanceof IOException || e instanceof UncheckedIOException;
  }

  private static String message(Exception e) {
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }
}
