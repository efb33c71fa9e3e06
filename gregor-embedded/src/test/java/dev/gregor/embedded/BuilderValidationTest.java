package dev.gregor.embedded;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuilderValidationTest {

  @Test
  void zeroNodesIsRefusedNamingTheSetting() {
    assertThatThrownBy(() -> EmbeddedKafka.builder().nodes(0).start())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nodes must be between 1 and")
        .hasMessageContaining("was 0");
  }

  @Test
  void portAlreadyInUseIsRefusedNamingThePort() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();

      assertThatThrownBy(() -> EmbeddedKafka.builder().port(port).start())
          .isInstanceOf(EmbeddedKafkaException.class)
          .hasMessageContaining("Port " + port)
          .hasMessageContaining("already in use");
    }
  }

  @Test
  void unwritableDataDirectoryIsRefusedNamingTheDirectory(@TempDir Path tmp) throws IOException {
    // A directory below a regular file cannot be created, whoever runs the test (root included).
    Path file = Files.writeString(tmp.resolve("a-file"), "x");
    Path dataDir = file.resolve("kafka");

    assertThatThrownBy(() -> EmbeddedKafka.builder().dataDir(dataDir).start())
        .isInstanceOf(EmbeddedKafkaException.class)
        .hasMessageContaining("data directory")
        .hasMessageContaining(dataDir.toString())
        .hasMessageContaining("not writable");
  }

  @Test
  void misspelledBrokerConfigIsRefusedWithASuggestion() {
    assertThatThrownBy(() -> EmbeddedKafka.builder().brokerConfig("log.retention.hour", "1").start())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown broker config 'log.retention.hour'")
        .hasMessageContaining("did you mean 'log.retention.hours'");
  }

  @Test
  void brokerConfigDerivedFromTheLayoutCannotBeOverridden() {
    assertThatThrownBy(() -> EmbeddedKafka.builder().brokerConfig("listeners", "PLAINTEXT://:9092").start())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'listeners' is set by EmbeddedKafka");
  }

  @Test
  void saslListenerWithoutUsersIsRefused() {
    assertThatThrownBy(() -> EmbeddedKafka.builder().listeners(Listener.SASL_PLAINTEXT).start())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SASL_PLAINTEXT listener needs at least one user");
  }

  @Test
  void passwordWithAQuoteIsRefusedNamingTheUser() {
    assertThatThrownBy(() -> EmbeddedKafka.builder().user("alice", "a\"b").start())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("password of SASL user 'alice'");
  }
}
