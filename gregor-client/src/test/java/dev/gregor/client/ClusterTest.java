package dev.gregor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@EmbeddedKafkaTest
@ExtendWith(ConnectedClient.class)
class ClusterTest {

  @Test
  void clusterReportsItsIdBrokersAndController(Gregor gregor, EmbeddedKafka kafka) {
    assertThat(gregor.cluster().clusterId()).isEqualTo(kafka.clusterId());
    assertThat(gregor.cluster().brokers()).singleElement().satisfies(b -> {
      assertThat(b.id()).isEqualTo(1);
      assertThat(kafka.bootstrapServers()).endsWith(":" + b.port());
    });
    assertThat(gregor.cluster().controller()).isEqualTo(1);
  }

  @Test
  void featuresIncludeTheFinalizedMetadataVersion(Gregor gregor) {
    Features features = gregor.cluster().featuresAsync().join();

    assertThat(features.finalizedLevels()).containsKey("metadata.version");
    assertThat(features.supported().get("metadata.version").max())
        .isGreaterThanOrEqualTo(features.finalizedLevels().get("metadata.version"));
  }

  @Test
  void brokerConfigsShowEachValueWithItsSourceAndMaskSecrets(Gregor gregor) {
    Map<String, ConfigValue> configs = gregor.cluster().brokerConfigs(1);

    assertThat(configs.get("node.id")).satisfies(c -> {
      assertThat(c.value()).isEqualTo("1");
      assertThat(c.source()).isEqualTo(ConfigValue.Source.STATIC_BROKER);
      assertThat(c.isDefault()).isFalse();
    });
    assertThat(configs.get("log.cleaner.backoff.ms")).satisfies(c -> {
      assertThat(c.source()).isEqualTo(ConfigValue.Source.DEFAULT);
      assertThat(c.isDefault()).isTrue();
    });
    assertThat(configs.values()).filteredOn(ConfigValue::sensitive).isNotEmpty()
        .allSatisfy(c -> assertThat(c.value()).isNull())
        .allSatisfy(c -> assertThat(c.toString()).contains("(sensitive)"));
    assertThat(List.copyOf(configs.keySet())).isSorted();
  }

  @Test
  void brokerConfigsOfAnUnknownBrokerNameTheIdAndTheKnownOnes(Gregor gregor) {
    assertThatThrownBy(() -> gregor.cluster().brokerConfigs(42))
        .isInstanceOfSatisfying(UnknownBroker.class, e -> {
          assertThat(e.brokerId()).isEqualTo(42);
          assertThat(e.knownIds()).containsExactly(1);
        })
        .hasMessageContaining("Broker 42 is not in the cluster; its brokers are [1]");
    assertThatThrownBy(() -> gregor.cluster().brokerConfigsAsync(42).join()).hasCauseInstanceOf(UnknownBroker.class);
  }
}
