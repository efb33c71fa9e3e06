package dev.gregor.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
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
}
