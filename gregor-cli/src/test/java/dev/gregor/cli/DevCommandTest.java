package dev.gregor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.awaitility.Awaitility.await;

import dev.gregor.client.Gregor;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gregor dev} against the real broker it starts. */
class DevCommandTest {
  @TempDir
  Path dataDir;

  @Test
  void printsABootstrapAddressThatProducersAndConsumersCanUse() throws Exception {
    try (DevRun dev = DevRun.start("--port", "0", "--data-dir", dataDir.toString())) {
      RoundTrip.produce(dev.bootstrapServers(), "greetings", "hello");

      assertThat(RoundTrip.consume(dev.bootstrapServers(), "greetings", 1)).containsExactly("hello");
    }
  }

  @Test
  void printsStartupTimeDataDirectoryAndHowToProduceAndConsumeWithGregorItself() throws Exception {
    try (DevRun dev = DevRun.start("--port", "0", "--data-dir", dataDir.toString())) {
      assertThat(dev.out())
          .containsPattern("started in\\s+\\d+\\.\\d s")
          .contains(dataDir.toAbsolutePath().toString())
          .contains("./gregor produce greetings -b " + dev.bootstrapServers())
          .contains("./gregor consume greetings -b " + dev.bootstrapServers() + " --from-beginning")
          .doesNotContain("kafka-console-producer.sh")
          .endsWith("Press Ctrl-C to stop." + System.lineSeparator());
    }
  }

  @Test
  void demoAndWebRunAnAppWhoseServerPerformsOrdersAndWhoseWorkersSendReceiptsBesideTheDashboard() throws Exception {
    DevRun dev = DevRun.start("--port", "0", "--data-dir", dataDir.toString(), "--demo", "--web", "--web-port", "0");
    Pattern progress = Pattern.compile("demo: \\d+ orders sent, [1-9]\\d* performed, [1-9]\\d* receipts sent");
    await().atMost(Duration.ofSeconds(90)).until(() -> progress.matcher(dev.out()).find());
    try (Gregor gregor = Gregor.connect(dev.bootstrapServers())) {
      await().atMost(Duration.ofSeconds(60)).until(() -> gregor.groups().describe("gregor_demo_orders").offsets()
          .stream().anyMatch(offset -> offset.committedOffset() > 0)); // the app commits what it performed
    }

    Matcher dashboard = Pattern.compile("Dashboard at (http://\\S+/): log in as admin with password \\S+")
        .matcher(dev.out());
    assertThat(dashboard.find()).as(dev.out()).isTrue();
    HttpResponse<String> login = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(dashboard.group(1)).resolve("/login")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.body()).contains("Log in");

    assertThat(dev.stop()).isZero();
    assertThat(dev.out()).contains("Demo app 'gregor_demo' is running").endsWith("Stopped." + System.lineSeparator());
  }

  @Test
  void stopClosesTheBrokerAndExitsZero() throws Exception {
    DevRun dev = DevRun.start("--port", "0", "--data-dir", dataDir.toString());
    int port = dev.port();

    assertThat(dev.stop()).isZero();

    assertThat(dev.out()).endsWith("Stopped." + System.lineSeparator());
    assertThat(dev.err()).isEmpty();
    assertThatThrownBy(() -> {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("localhost", port), 2000);
      }
    }).isInstanceOf(ConnectException.class);
  }

  @Test
  void keepsRecordsAcrossRestartsOnTheSameDataDirectory() throws Exception {
    try (DevRun first = DevRun.start("--port", "0", "--data-dir", dataDir.toString())) {
      RoundTrip.produce(first.bootstrapServers(), "kept", "written before the restart");
    }

    try (DevRun second = DevRun.start("--port", "0", "--data-dir", dataDir.toString())) {
      assertThat(RoundTrip.consume(second.bootstrapServers(), "kept", 1)).containsExactly("written before the restart");
    }
  }

  @Test
  void freshStartsWithoutTheTopicsOfEarlierRuns() throws Exception {
    try (DevRun first = DevRun.start("--port", "0", "--data-dir", dataDir.toString())) {
      RoundTrip.produce(first.bootstrapServers(), "forgotten", "gone after --fresh");
    }

    try (DevRun second = DevRun.start("--port", "0", "--data-dir", dataDir.toString(), "--fresh")) {
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", second.bootstrapServers()))) {
        assertThat(admin.listTopics().names().get()).doesNotContain("forgotten");
      }
    }
  }
}
