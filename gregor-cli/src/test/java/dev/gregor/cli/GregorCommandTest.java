package dev.gregor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What {@code gregor} prints and which exit code it returns, for help and for mistakes. */
class GregorCommandTest {
  @TempDir
  Path tempDir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int gregor(String... args) {
    CommandLine commandLine = GregorCommand.commandLine()
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  @Test
  void helpListsTheDevCommandWithExamplesAndExitCodes() {
    assertThat(gregor("--help")).isZero();

    assertThat(out.toString())
        .contains("Usage:", "gregor [-hV] [COMMAND]")
        .containsPattern("\\n\\s+dev\\s+Run a real Kafka broker")
        .contains("Examples:", "gregor dev --nodes 3")
        .contains("Exit codes:", "1   usage error", "2   Kafka or broker error");
  }

  @Test
  void devHelpDocumentsEveryOption() {
    assertThat(gregor("help", "dev")).isZero();

    assertThat(out.toString())
        .contains("--port=PORT", "--nodes=N", "--data-dir=DIR", "--fresh", "--child-jvm", "--verbose")
        .contains("Default: 9092", "~/.gregor/dev", "Examples:");
  }

  @Test
  void aMistypedOptionIsAUsageErrorSuggestingTheCloseOne() {
    assertThat(gregor("server", "--deamon")).isEqualTo(1);

    assertThat(err.toString()).contains("Unknown option: '--deamon'", "Did you mean: --daemon?");
  }

  @Test
  void zeroNodesFailsWithOneLineNamingNodes() {
    assertThat(gregor("dev", "--nodes", "0", "--data-dir", tempDir.toString())).isEqualTo(2);

    assertThat(err.toString().lines()).singleElement().asString().contains("nodes").contains("was 0");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void aPortInUseFailsWithOneLineNamingThePort() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();

      assertThat(gregor("dev", "--port", Integer.toString(port), "--data-dir", tempDir.toString())).isEqualTo(2);

      assertThat(err.toString().lines()).singleElement().asString().contains("Port " + port, "already in use");
    }
  }

  @Test
  void aDataDirectoryThatCannotBeCreatedFailsWithOneLineNamingIt() throws Exception {
    Path file = Files.writeString(tempDir.resolve("a-file"), "not a directory");

    assertThat(gregor("dev", "--port", "0", "--data-dir", file.toString())).isEqualTo(2);

    assertThat(err.toString().lines()).singleElement().asString().contains(file.toString(), "not writable");
  }

  @Test
  void verboseAddsTheStackTraceToAnError() {
    assertThat(gregor("dev", "--nodes", "0", "--data-dir", tempDir.toString(), "--verbose")).isEqualTo(2);

    assertThat(err.toString()).contains("java.lang.IllegalArgumentException", "\tat dev.gregor.");
  }

  @Test
  void freshRefusesToDeleteADirectoryGregorDidNotCreate() throws Exception {
    Path precious = Files.writeString(tempDir.resolve("thesis.tex"), "years of work");

    assertThat(gregor("dev", "--port", "0", "--data-dir", tempDir.toString(), "--fresh")).isEqualTo(2);

    assertThat(err.toString()).contains("--fresh will not delete " + tempDir);
    assertThat(precious).hasContent("years of work");
  }

  @Test
  void anUnknownOptionIsAUsageErrorWithExitCodeOne() {
    assertThat(gregor("dev", "--nodez", "3")).isEqualTo(1);

    assertThat(err.toString()).contains("Unknown option", "'--nodez'", "Possible solutions: --nodes", "Try 'gregor dev --help'");
  }

  @Test
  void aMalformedNumberIsAUsageErrorWithExitCodeOne() {
    assertThat(gregor("dev", "--nodes", "three")).isEqualTo(1);

    assertThat(err.toString()).contains("--nodes", "three");
  }

  @Test
  void noCommandIsAUsageErrorWithExitCodeOne() {
    assertThat(gregor()).isEqualTo(1);

    assertThat(err.toString()).contains("Missing required subcommand");
  }
}
