package dev.gregor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

// DESIGN: "Fail loudly, lose nothing" — a broker outage is a bounded wait and an error, and buffered messages survive it.
@EmbeddedKafkaTest
class ProducerFailureTest {

  @Test
  @Timeout(120) // a guard against hangs, not a timing assertion
  void bufferedMessagesSurviveABrokerOutageAndAreDeliveredAfterIt() {
    try (EmbeddedKafka own = EmbeddedKafka.builder().start()) {
      own.createTopic("outage", 1, 1);
      try (Gregor gregor = Gregor.connect(shortTimeouts(own)); Producer producer = gregor.producer()) {
        producer.produce("outage", "before");
        producer.deliverMessages();
        own.stop(1);
        CompletableFuture<Delivered> during = producer.produce("outage", "during", Produce.key("k"));
        producer.produce("outage", "also during");

        assertThatThrownBy(producer::deliverMessages)
            .isInstanceOfSatisfying(DeliveryFailed.class, failed -> {
              assertThat(failed.failedMessages()).hasSize(2);
              assertThat(failed.getMessage()).contains("topic 'outage'");
            });
        assertThat(producer.bufferSize()).isEqualTo(2);
        assertThat(during).isNotDone();

        own.restart(1);
        producer.deliverMessages();

        assertThat(producer.bufferSize()).isZero();
        assertThat(during).isCompleted();
      }
      assertThat(BufferedProducerTest.values(Records.readAll(own.clientConfig(), "outage", 3)))
          .containsExactly("before", "during", "also during");
    }
  }

  @Test
  @Timeout(120)
  void deliverMessageToAStoppedBrokerFailsWithinTheConfiguredTimeNamingTheTopic() {
    try (EmbeddedKafka own = EmbeddedKafka.builder().start()) {
      own.createTopic("stopped", 1, 1);
      try (Gregor gregor = Gregor.connect(shortTimeouts(own))) {
        own.stop(1);

        assertThatThrownBy(() -> gregor.deliverMessage("stopped", "x"))
            .isInstanceOf(DeliveryFailed.class)
            .hasMessageContaining("topic 'stopped'");
      }
    }
  }

  @Test
  @Timeout(120)
  void unknownTopicWithAutoCreateOffFailsNamingTheTopic() {
    try (EmbeddedKafka own = EmbeddedKafka.builder().brokerConfig("auto.create.topics.enable", "false").start();
         Gregor gregor = Gregor.connect(shortTimeouts(own))) {
      assertThatThrownBy(() -> gregor.deliverMessage("no-such-topic", "x"))
          .isInstanceOf(DeliveryFailed.class)
          .hasMessageContaining("no-such-topic");

      // A buffer of them waits for the topic's metadata once, not once per message.
      try (Producer producer = gregor.producer()) {
        for (int i = 0; i < 20; i++) {
          producer.produce("no-such-topic", "x" + i);
        }
        assertThatThrownBy(producer::deliverMessages).isInstanceOfSatisfying(DeliveryFailed.class, failed -> {
          assertThat(failed.failedMessages()).hasSize(20);
          assertThat(failed).hasMessageContaining("does not exist");
        });
        assertThat(producer.bufferSize()).isEqualTo(20);
      }
    }
  }

  @Test
  void partitionThatDoesNotExistIsNamedWithTheTopicsPartitionCount(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(2);
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers()); Producer producer = gregor.producer()) {
      assertThatThrownBy(() -> gregor.deliverMessage(topic, "x", Produce.partition(5)))
          .isInstanceOf(DeliveryFailed.class)
          .hasMessageContaining("partition 5 does not exist: topic '" + topic + "' has 2 partitions");

      producer.produce(topic, "fine", Produce.partition(1));
      producer.produce(topic, "nowhere", Produce.partition(7));
      assertThatThrownBy(producer::deliverMessages)
          .isInstanceOfSatisfying(DeliveryFailed.class, failed ->
              assertThat(failed.failedMessages()).singleElement().satisfies(m -> assertThat(m.options().partition()).isEqualTo(7)));
      assertThat(producer.bufferSize()).isEqualTo(1);
    }
  }

  private static Config shortTimeouts(EmbeddedKafka kafka) {
    return Config.builder().seedBrokers(kafka.bootstrapServers())
        .connectTimeout(Duration.ofSeconds(2)).deliveryTimeout(Duration.ofSeconds(3)).build();
  }
}
