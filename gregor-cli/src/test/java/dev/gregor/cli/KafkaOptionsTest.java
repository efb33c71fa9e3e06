package dev.gregor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connection options every Kafka command shares: --bootstrap, --config, -X, --connect-timeout. */
@EmbeddedKafkaTest
class KafkaOptionsTest {
  @TempDir
  Path tempDir;

  @Test
  void aMalformedXIsAUsageErrorNamingIt() {
    Cli.Result result = Cli.run("cluster", "-X", "security.protocol");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("-X", "'security.protocol' is not KEY=VALUE", "Try 'gregor cluster --help'");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void anUnknownPropertyIsAUsageErrorSuggestingTheClosestName(EmbeddedKafka kafka) {
    Cli.Result result = Cli.run(Cli.against(kafka.bootstrapServers(), "cluster", "-X", "securty.protocol=SSL"));

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("securty.protocol", "did you mean 'security.protocol'");
  }

  @Test
  void anInvalidPropertyValueIsAUsageErrorNamingWhatIsAllowed(EmbeddedKafka kafka) {
    Cli.Result result = Cli.run(Cli.against(kafka.bootstrapServers(), "cluster", "-X", "compression.type=bogus"));

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("compression.type", "'bogus'", "gzip, snappy, lz4, zstd");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void anUnreachableBootstrapFailsWithinTheConnectTimeoutNamingTheAddress() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }

    Cli.Result result = Cli.run("cluster", "--bootstrap", "127.0.0.1:" + closedPort, "--connect-timeout", "2s");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().lines()).singleElement().asString()
        .contains("gregor cluster:", "127.0.0.1:" + closedPort, "within 2000 ms");
    Cli.assertNoStackTrace(result);
  }

  @Test
  void aConfigFileSuppliesBootstrapServersAndClientProperties(EmbeddedKafka kafka) throws IOException {
    Path file = Files.writeString(tempDir.resolve("client.properties"),
        "bootstrap.servers=" + kafka.bootstrapServers() + "\nrequest.timeout.ms=5000\n");

    Cli.Result result = Cli.run("cluster", "--config", file.toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains(kafka.clusterId());
  }

  @Test
  void aMissingConfigFileIsAUsageErrorNamingIt() {
    Cli.Result result = Cli.run("cluster", "--config", tempDir.resolve("nope.properties").toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("--config", "nope.properties", "cannot be read");
  }

  @Test
  void aMalformedDurationIsAUsageErrorShowingTheForms() {
    Cli.Result result = Cli.run("cluster", "--connect-timeout", "soon");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("'soon' is not a duration", "10s");
  }
}
