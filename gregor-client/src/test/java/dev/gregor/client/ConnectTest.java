package dev.gregor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.Listener;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@EmbeddedKafkaTest
class ConnectTest {

  @Test
  void connectReportsTheClusterItReached(EmbeddedKafka kafka) {
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers())) {
      assertThat(gregor.clusterId()).isEqualTo(kafka.clusterId());
    }
  }

  @Test
  void kafkaUrlsWorkAsSeedBrokers(EmbeddedKafka kafka) {
    String url = "kafka://" + kafka.bootstrapServers();
    try (Gregor gregor = Gregor.connect(Config.builder().seedBrokers(url).build())) {
      assertThat(gregor.clusterId()).isEqualTo(kafka.clusterId());
    }
  }

  @Test
  void kafkaSslUrlConnectsOverTlsWithTheCaGivenAsProperties(EmbeddedKafka kafka) {
    Config config = Config.builder()
        .seedBrokers("kafka+ssl://" + kafka.bootstrapServers(Listener.SSL))
        .property("ssl.truststore.type", "PEM")
        .property("ssl.truststore.certificates", kafka.tls().caCertificatePem())
        .build();

    try (Gregor gregor = Gregor.connect(config)) {
      assertThat(gregor.clusterId()).isEqualTo(kafka.clusterId());
    }
  }

  @Test
  void noReachableSeedBrokerFailsWithinTheConnectTimeoutNamingTheAddresses() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    Config config = Config.builder().seedBrokers("localhost:" + closedPort).connectTimeout(Duration.ofSeconds(2)).build();

    assertThatThrownBy(() -> Gregor.connect(config))
        .isInstanceOf(ConnectionFailed.class)
        .hasMessageContaining("[localhost:" + closedPort + "]")
        .hasMessageContaining("within 2000 ms");
  }

  @Test
  void plaintextClientOnATlsPortFailsInsteadOfHanging(EmbeddedKafka kafka) {
    Config config = Config.builder().seedBrokers(kafka.bootstrapServers(Listener.SSL))
        .connectTimeout(Duration.ofSeconds(3)).build();

    assertThatThrownBy(() -> Gregor.connect(config))
        .isInstanceOf(ConnectionFailed.class)
        .hasMessageContaining(kafka.bootstrapServers(Listener.SSL));
  }
}
