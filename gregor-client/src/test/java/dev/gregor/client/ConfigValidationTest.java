package dev.gregor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConfigValidationTest {

  @Test
  void seedBrokersAcceptHostPortListsAndKafkaUrls() {
    Config config = Config.builder().seedBrokers("kafka://a:9092, kafka://b:9093", "kafka://[::1]:9094").build();

    assertThat(config.seedBrokers()).containsExactly("a:9092", "b:9093", "[::1]:9094");
    assertThat(config.ssl()).isFalse();
  }

  @Test
  void kafkaSslUrlTurnsOnTls() {
    assertThat(Config.builder().seedBrokers("kafka+ssl://broker:9093").build().ssl()).isTrue();
  }

  @Test
  void seedBrokerWithoutPortIsRefusedNamingIt() {
    assertThatThrownBy(() -> Config.builder().seedBrokers("localhost").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("seed broker 'localhost' must be host:port");
  }

  @Test
  void seedBrokerWithNonNumericOrOutOfRangePortIsRefused() {
    assertThatThrownBy(() -> Config.builder().seedBrokers("localhost:kafka").build())
        .hasMessageContaining("port that is not a number: 'kafka'");
    assertThatThrownBy(() -> Config.builder().seedBrokers("localhost:70000").build())
        .hasMessageContaining("port 70000, outside 1-65535");
  }

  @Test
  void unknownSchemeAndMixedSchemesAreRefused() {
    assertThatThrownBy(() -> Config.builder().seedBrokers("http://localhost:9092").build())
        .hasMessageContaining("unknown scheme");
    assertThatThrownBy(() -> Config.builder().seedBrokers("kafka://a:1", "kafka+ssl://b:2").build())
        .hasMessageContaining("mix kafka:// and kafka+ssl://");
  }

  @Test
  void missingSeedBrokersAreRefused() {
    assertThatThrownBy(() -> Config.builder().build())
        .hasMessageContaining("seedBrokers must name at least one broker");
  }

  @Test
  void misspelledKafkaClientsPropertyIsRefusedWithASuggestion() {
    assertThatThrownBy(() -> Config.builder().seedBrokers("localhost:9092").property("lingr.ms", 5).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown kafka-clients property 'lingr.ms'; did you mean 'linger.ms'?");
  }

  @Test
  void idempotenceWithAcksZeroIsRefusedAsContradictory() {
    assertThatThrownBy(() -> Config.builder().seedBrokers("localhost:9092")
        .property("enable.idempotence", true).property("acks", "0").build())
        .hasMessageContaining("enable.idempotence=true needs acks=all, but acks=0");
  }

  @Test
  void nonPositiveTimeoutsAreRefusedNamingTheSetting() {
    assertThatThrownBy(() -> Config.builder().seedBrokers("localhost:9092").connectTimeout(Duration.ZERO).build())
        .hasMessageContaining("connectTimeout must be a positive duration");
    assertThatThrownBy(() -> Config.builder().seedBrokers("localhost:9092").deliveryTimeout(Duration.ofSeconds(-1)).build())
        .hasMessageContaining("deliveryTimeout must be a positive duration");
  }

  @Test
  void consumerSettingsNameTheSettingThatIsWrong() {
    assertThatThrownBy(() -> ConsumerSettings.builder().heartbeatInterval(Duration.ofSeconds(30)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("heartbeatInterval");
    assertThatThrownBy(() -> ConsumerSettings.builder().maxBytesPerPartition(0).build())
        .hasMessageContaining("maxBytesPerPartition");
    assertThatThrownBy(() -> ConsumerSettings.builder().rebalanceTimeout(Duration.ZERO).build())
        .hasMessageContaining("rebalanceTimeout");
    assertThatThrownBy(() -> ErrorPolicy.retry(0, Duration.ZERO, Duration.ZERO))
        .hasMessageContaining("attempts");
    assertThatThrownBy(() -> ErrorPolicy.retry(3, Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .hasMessageContaining("maxBackoff");
  }

  @Test
  void anInvalidValueOfAKafkaClientsPropertyIsRefusedAtBuildNamingWhatIsAllowed() {
    assertThatThrownBy(() -> Config.builder().seedBrokers("localhost:9092").property("compression.type", "bogus").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("compression.type").hasMessageContaining("'bogus'").hasMessageContaining("gzip, snappy, lz4, zstd");
  }

  @Test
  void acksOtherThanAllMinusOneZeroOrOneIsRefusedAtBuild() {
    assertThatThrownBy(() -> Config.builder().seedBrokers("localhost:9092").property("acks", "2").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("acks").hasMessageContaining("'2'").hasMessageContaining("all, -1, 0, 1");
  }

  @Test
  void valuesOfTheWrongTypeOrOutOfRangeAreRefusedAtBuild() {
    assertThatThrownBy(() -> Config.builder().seedBrokers("localhost:9092").property("linger.ms", "soon").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("linger.ms").hasMessageContaining("'soon'");
    assertThatThrownBy(() -> Config.builder().seedBrokers("localhost:9092").property("batch.size", -1).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batch.size").hasMessageContaining("at least 0");
  }

  @Test
  void aConsumerOnlyPropertyIsCheckedAgainstTheConsumersRules() {
    assertThatThrownBy(() -> Config.builder().seedBrokers("localhost:9092").property("isolation.level", "read_all").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("isolation.level").hasMessageContaining("read_committed");
  }

  @Test
  void validValuesOfKafkaClientsPropertiesAreAccepted() {
    Config config = Config.builder().seedBrokers("localhost:9092")
        .property("compression.type", "zstd").property("acks", "1").property("linger.ms", 5)
        .property("isolation.level", "read_committed").property("security.protocol", "PLAINTEXT").build();

    assertThat(config.properties()).containsEntry("compression.type", "zstd").containsEntry("acks", "1");
  }
}
