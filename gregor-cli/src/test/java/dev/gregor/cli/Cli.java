package dev.gregor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine;

/** Runs {@code gregor} in-process exactly as {@link Main} does, with given standard input, capturing both outputs. */
final class Cli {
  private Cli() {}

  /** What one run printed and returned. */
  record Result(int exitCode, String out, String err) {
    List<String> lines() {
      return out.lines().toList();
    }
  }

  static Result run(String... args) {
    return runWithInput("", args);
  }

  static Result runWithInput(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode = commandLine(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out, err).execute(args);
    return new Result(exitCode, out.toString(), err.toString());
  }

  /** {@code args} with {@code --bootstrap} prepended after the command name ("consume", or "topics create"). */
  static String[] against(String bootstrap, String command, String... args) {
    List<String> all = new ArrayList<>(List.of(command.split(" ")));
    all.add("--bootstrap");
    all.add(bootstrap);
    all.addAll(List.of(args));
    return all.toArray(new String[0]);
  }

  /** A command running in a background thread, such as a consumer that follows a topic. */
  static final class Background {
    // StringWriter is synchronized, so the test can read what the command thread writes.
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();

    Background(String... args) {
      CommandLine commandLine = commandLine(args, InputStream.nullInputStream(), out, err);
      Thread thread = new Thread(() -> exitCode.complete(commandLine.execute(args)), "gregor-under-test");
      thread.setDaemon(true);
      thread.start();
    }

    String out() {
      return out.toString();
    }

    String err() {
      return err.toString();
    }

    /** Waits for the command to end by itself and returns what it printed. */
    Result awaitExit() {
      await().atMost(Duration.ofSeconds(60)).until(exitCode::isDone);
      return new Result(exitCode.join(), out(), err());
    }

    boolean running() {
      return !exitCode.isDone();
    }
  }

  private static CommandLine commandLine(String[] args, InputStream stdin, StringWriter out, StringWriter err) {
    return GregorCommand.commandLine(args, stdin, false, false)
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true));
  }

  static void assertNoStackTrace(Result result) {
    assertThat(result.err()).doesNotContain("\tat ", "Exception in thread");
  }
}
