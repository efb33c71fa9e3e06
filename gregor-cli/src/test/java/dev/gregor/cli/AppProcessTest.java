package dev.gregor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gregor.cli.internal.PidFile;
import dev.gregor.client.Gregor;
import dev.gregor.embedded.ChildJvm;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seed 003, "Receiving messages" and "Deployment": {@code gregor server} as a real process, in front and as a daemon. */
@EmbeddedKafkaTest
class AppProcessTest {
  private static final String APP = ExampleShop.class.getName();

  @Test
  void serverServesTheRoutesGoesQuietOnSigtstpAndOnSigtermCommitsAndLeavesItsGroups(EmbeddedKafka kafka) throws Exception {
    String prefix = prefixedTopics(kafka);
    StringBuffer err = new StringBuffer();
    try (ChildJvm server = ChildJvm.builder(Main.class).args("server", "--app", APP)
        .environment("EXAMPLE_SHOP_BOOTSTRAP", kafka.bootstrapServers()).environment("EXAMPLE_SHOP_PREFIX", prefix)
        .onError(line -> err.append(line).append('\n')).start();
        Gregor gregor = Gregor.connect(kafka.bootstrapServers())) {
      await().atMost(Duration.ofSeconds(60)).failFast("the server exited: " + err, () -> !server.isAlive())
          .until(() -> err.toString().contains("App 'shop' serving 3 route(s)"));
      for (int i = 0; i < 3; i++) {
        gregor.deliverMessage(prefix + ".orders", "{\"order\":" + i + "}");
      }
      await().atMost(Duration.ofSeconds(60)).until(() -> committed(gregor, "shop_orders", prefix + ".orders") == 3);

      new ProcessBuilder("kill", "-TSTP", Long.toString(server.pid())).start().waitFor(); // quiet
      await().atMost(Duration.ofSeconds(30)).until(() -> err.toString().contains("is quiet"));
      gregor.deliverMessage(prefix + ".orders", "{\"order\":3}");
      await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
          .until(() -> committed(gregor, "shop_orders", prefix + ".orders") == 3);
      assertThat(gregor.groups().describe("shop_orders").members()).hasSize(1); // still in the group

      server.stop(); // SIGTERM
      assertThat(server.waitFor(Duration.ofSeconds(60))).isTrue();
      assertThat(server.exitValue()).isEqualTo(143);
      assertThat(gregor.groups().describe("shop_orders").members()).isEmpty(); // left, not expired
    }
  }

  @Test
  void aDaemonWritesItsPidFileRefusesASecondStartAndRemovesItWhenStopped(EmbeddedKafka kafka, @TempDir Path dir)
      throws Exception {
    String prefix = prefixedTopics(kafka);
    Path pidFile = dir.resolve("shop.pid");
    Path logFile = dir.resolve("shop.log");

    Run first = gregor(kafka, prefix, "server", "--app", APP, "--daemon", "--pid-file", pidFile.toString(),
        "--log-file", logFile.toString());
    long pid = PidFile.live(pidFile).orElseThrow(() -> new AssertionError(first + "\nlog: " + read(logFile)));
    try {
      Run second = gregor(kafka, prefix, "server", "--app", APP, "--daemon", "--pid-file", pidFile.toString());

      assertThat(first.exitCode()).as(first.err()).isZero();
      assertThat(first.err()).contains("Started as pid " + pid, "logging to " + logFile);
      assertThat(second.exitCode()).isEqualTo(2);
      assertThat(second.err()).contains("Already running as pid " + pid);
      assertThat(Files.readString(logFile)).contains("App 'shop' serving 3 route(s)");
    } finally {
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy); // SIGTERM
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> ProcessHandle.of(pid).isEmpty() && !Files.exists(pidFile));
  }

  @Test
  void aServerWhoseBrokersAreDownGivesUpWithinTheConnectTimeoutNamingThem(EmbeddedKafka kafka) throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort(); // free again once closed: nothing listens there
    }
    StringBuffer err = new StringBuffer();
    try (ChildJvm server = ChildJvm.builder(Main.class).args("server", "--app", APP)
        .environment("EXAMPLE_SHOP_BOOTSTRAP", "127.0.0.1:" + closedPort).environment("EXAMPLE_SHOP_PREFIX", "down")
        .onError(line -> err.append(line).append('\n')).start()) {
      assertThat(server.waitFor(Duration.ofSeconds(60))).as("bounded by the app's connect timeout (10 s)").isTrue();
      server.awaitOutput(Duration.ofSeconds(10));
      assertThat(server.exitValue()).isEqualTo(2);
      assertThat(err.toString()).contains("127.0.0.1:" + closedPort);
    }
  }

  /** What a finished {@code gregor} process printed on standard error, and its exit code. */
  record Run(int exitCode, String err) {}

  private static Run gregor(EmbeddedKafka kafka, String prefix, String... args) throws Exception {
    StringBuffer err = new StringBuffer();
    try (ChildJvm child = ChildJvm.builder(Main.class).args(args)
        .environment("EXAMPLE_SHOP_BOOTSTRAP", kafka.bootstrapServers()).environment("EXAMPLE_SHOP_PREFIX", prefix)
        .onError(line -> err.append(line).append('\n')).start()) {
      assertThat(child.waitFor(Duration.ofMinutes(2))).isTrue();
      child.awaitOutput(Duration.ofSeconds(10));
      return new Run(child.exitValue(), err.toString());
    }
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "(none)";
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }

  /** A new prefix with the example shop's topics created under it. */
  private static String prefixedTopics(EmbeddedKafka kafka) {
    String prefix = "p" + UUID.randomUUID().toString().substring(0, 8);
    for (String topic : List.of("orders", "clicks", "invoices", "shop_jobs")) {
      kafka.createTopic(prefix + "." + topic, 1, 1); // the prefix mapper's form: <prefix>.<topic>
    }
    return prefix;
  }

  private static long committed(Gregor gregor, String group, String topic) {
    return gregor.groups().describe(group).offsets().stream().filter(o -> o.topic().equals(topic))
        .mapToLong(o -> Math.max(0, o.committedOffset())).sum();
  }
}
