package dev.gregor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gregor.client.Gregor;
import dev.gregor.client.Message;
import dev.gregor.client.Offset;
import dev.gregor.embedded.ChildJvm;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Seed 003, "Karafka CLI" ({@code karafka console}): {@code gregor console} as a real process fed by a pipe. */
@EmbeddedKafkaTest
class ConsoleTest {
  @Test
  void theConsoleStartsJShellWithAConnectedClientAndTheAppBuilt(EmbeddedKafka kafka, TestTopics topics) throws Exception {
    String topic = topics.create(1);
    String typed = "kafka.deliverMessage(\"" + topic + "\", \"typed in the console\")\n"
        + "System.out.println(\"routes: \" + app.routes().all().size() + \", running: \" + app.isRunning())\n"
        + "/exit\n";

    Run run = console(typed, "--app", ExampleShop.class.getName(), "--bootstrap", kafka.bootstrapServers());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("routes: 3, running: false");
    assertThat(run.err()).contains("'kafka' is connected, 'app' is " + ExampleShop.class.getName());
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers())) {
      assertThat(gregor.fetch(topic, 0, Offset.EARLIEST).messages()).extracting(Message::valueAsString)
          .containsExactly("typed in the console");
    }
  }

  @Test
  void aConsoleWhoseClusterIsDownExitsTwoNamingItBeforeJShellStarts() throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    Run run = console("/exit\n", "--bootstrap", "127.0.0.1:" + closedPort, "--connect-timeout", "2s");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("127.0.0.1:" + closedPort).doesNotContain("JShell");
  }

  /** What a finished console printed. */
  record Run(int exitCode, String out, String err) {}

  private static Run console(String stdin, String... options) throws Exception {
    StringBuffer out = new StringBuffer();
    StringBuffer err = new StringBuffer();
    String[] args = new String[options.length + 1];
    args[0] = "console";
    System.arraycopy(options, 0, args, 1, options.length);
    try (ChildJvm child = ChildJvm.builder(Main.class).args(args).environment(AppOptions.BOOT_VARIABLE, null)
        .onOutput(line -> out.append(line).append('\n')).onError(line -> err.append(line).append('\n')).start()) {
      child.input().write(stdin.getBytes(StandardCharsets.UTF_8));
      child.input().close();
      assertThat(child.waitFor(Duration.ofMinutes(2))).as("the console ended; out: %s err: %s", out, err).isTrue();
      child.awaitOutput(Duration.ofSeconds(10));
      return new Run(child.exitValue(), out.toString(), err.toString());
    }
  }
}
