package dev.gregor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gregor.client.internal.config.ClientProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;

// ruby-kafka: "Understanding Timeouts"; the defaults are the ones docs/client.md lists.
class TimeoutSettingsTest {

  @Test
  void everyTimeoutHasItsDocumentedDefault() {
    Config config = Config.builder().seedBrokers("k:9092").build();

    assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.socketTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.deliveryTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.adminTimeout()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void aTimeoutThatIsNotPositiveIsRefusedNamingIt() {
    assertThatThrownBy(() -> Config.builder().seedBrokers("k:9092").socketTimeout(Duration.ZERO).build())
        .hasMessageContaining("socketTimeout must be a positive duration");
    assertThatThrownBy(() -> Config.builder().seedBrokers("k:9092").adminTimeout(Duration.ofSeconds(-1)).build())
        .hasMessageContaining("adminTimeout must be a positive duration");
  }

  @Test
  void socketTimeoutBoundsEachRequestAndConnectTimeoutBoundsConnectingAndBlocking() {
    Config config = Config.builder().seedBrokers("k:9092").socketTimeout(Duration.ofSeconds(5))
        .connectTimeout(Duration.ofSeconds(3)).build();

    assertThat(ClientProperties.singleDeliveryProducer(config))
        .containsEntry("request.timeout.ms", "5000")
        .containsEntry("max.block.ms", "3000")
        .containsEntry("socket.connection.setup.timeout.ms", "3000");
  }
}
