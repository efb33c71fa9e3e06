package dev.gregor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.gregor.embedded.EmbeddedKafka;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The builder refuses bad settings naming them; a port in use and a cluster that is down are said plainly. */
class DashboardSettingsTest {
  @Test
  void badSettingsAreRefusedAtStartNamingTheSetting() {
    assertThatThrownBy(() -> Dashboard.builder().start()).hasMessageContaining("bootstrapServers or config is required");
    assertThatThrownBy(() -> Dashboard.builder().bootstrapServers("localhost:9092").port(70_000).start())
        .hasMessageContaining("port must be 0-65535, was 70000");
    assertThatThrownBy(() -> Dashboard.builder().bootstrapServers("localhost:9092").user("ops", "short").start())
        .hasMessageContaining("password must have at least 8 characters");
    assertThatThrownBy(() -> Dashboard.builder().bootstrapServers("localhost:9092").maskedTopics("secret.(").start())
        .hasMessageContaining("maskedTopics 'secret.(' is not a regular expression");
    assertThatThrownBy(() -> Dashboard.builder().bootstrapServers("localhost").start())
        .hasMessageContaining("bootstrapServers 'localhost'");
    assertThatThrownBy(() -> Dashboard.builder().bootstrapServers("localhost:9092").bindAddress("no.such.host.invalid")
        .start()).hasMessageContaining("bindAddress 'no.such.host.invalid'");
  }

  @Test
  void aPortInUseIsAnErrorNamingIt() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      assertThatThrownBy(() -> Dashboard.builder().bootstrapServers("localhost:9092").port(taken.getLocalPort()).start())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("Port " + taken.getLocalPort() + " on 127.0.0.1 is in use");
    }
  }

  @Test
  void aClusterThatIsDownIsShownAsSuchAndThePagesRecoverOnceItIsUp(@TempDir Path dataDir) throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    try (Dashboard web = Dashboard.builder().bootstrapServers("localhost:" + port).port(0).authentication(false)
        .kafkaTimeout(Duration.ofSeconds(2)).start()) {
      WebClient browser = new WebClient(web.url());

      HttpResponse<String> down = browser.get("/topics");

      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(down.body()).contains("Kafka is not reachable", "localhost:" + port, "tries again every 5 seconds");
      assertThat(down.headers().firstValue("Retry-After")).hasValue("5");
      try (EmbeddedKafka kafka = EmbeddedKafka.builder().port(port).dataDir(dataDir).start()) {
        kafka.createTopic("back-again", 1, 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> browser.get("/topics").statusCode() == 200);
        assertThat(browser.get("/topics").body()).contains("back-again");
      }
    }
  }
}
