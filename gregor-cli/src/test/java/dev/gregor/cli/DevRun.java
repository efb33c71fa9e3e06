package dev.gregor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** A {@code gregor dev} running in a background thread of the test JVM, exactly as {@link Main} runs it. */
final class DevRun implements AutoCloseable {
  private static final Pattern BOOTSTRAP = Pattern.compile("bootstrap servers\\s+(\\S+)");

  // StringWriter is synchronized, so the test can read what the command thread is writing.
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final DevCommand dev;
  private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();

  private DevRun(String... args) {
    CommandLine commandLine = GregorCommand.commandLine()
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true));
    dev = commandLine.getSubcommands().get("dev").getCommand();
    Thread thread = new Thread(() -> exitCode.complete(commandLine.execute(args)), "gregor-dev-under-test");
    thread.setDaemon(true);
    thread.start();
  }

  /** Starts {@code gregor dev ARGS} and returns once it says the broker is running. */
  static DevRun start(String... args) {
    String[] command = new String[args.length + 1];
    command[0] = "dev";
    System.arraycopy(args, 0, command, 1, args.length);
    DevRun run = new DevRun(command);
    await().atMost(Duration.ofMinutes(2))
        .until(() -> run.out().contains("Press Ctrl-C to stop.") || run.exitCode.isDone());
    assertThat(run.exitCode).as("gregor dev exited early; stderr: %s", run.err()).isNotDone();
    return run;
  }

  String bootstrapServers() {
    Matcher matcher = BOOTSTRAP.matcher(out());
    assertThat(matcher.find()).as("a bootstrap address in: %s", out()).isTrue();
    return matcher.group(1);
  }

  int port() {
    String first = bootstrapServers().split(",")[0];
    return Integer.parseInt(first.substring(first.lastIndexOf(':') + 1));
  }

  /** Stops it as Ctrl-C would and returns its exit code. */
  int stop() {
    dev.stop();
    await().atMost(Duration.ofMinutes(1)).until(exitCode::isDone);
    return exitCode.join();
  }

  String out() {
    return out.toString();
  }

  String err() {
    return err.toString();
  }

  @Override
  public void close() {
    if (!exitCode.isDone()) {
      stop();
    }
  }
}
