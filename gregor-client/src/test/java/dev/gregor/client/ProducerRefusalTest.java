package dev.gregor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gregor.embedded.EmbeddedKafka;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

// Issue 20 defects 4 and 5: what the cluster will refuse fails at once, says what happened, and loses nothing else.
@Timeout(120) // a guard against hangs, not a timing assertion
class ProducerRefusalTest {
  private static EmbeddedKafka noAutoCreate;

  @BeforeAll
  static void startABrokerThatDoesNotCreateTopics() {
    noAutoCreate = EmbeddedKafka.builder().brokerConfig("auto.create.topics.enable", "false").start();
    noAutoCreate.createTopic("exists", 1, 1);
    noAutoCreate.createTopic("small", 1, 1, Map.of("max.message.bytes", "1000"));
  }

  @AfterAll
  static void stopIt() {
    noAutoCreate.close();
  }

  @Test
  void aMessageToATopicThatDoesNotExistFailsAtOnceSayingSoAndThatTopicsAreNotCreated() {
    try (Gregor gregor = Gregor.connect(noAutoCreate.bootstrapServers())) {
      long started = System.nanoTime();
      assertThatThrownBy(() -> gregor.deliverMessage("no-such-topic", "x")).isInstanceOfSatisfying(DeliveryFailed.class,
          failed -> {
            assertThat(failed.getCause()).isInstanceOf(UnknownTopic.class);
            assertThat(failed).hasMessageContaining("Topic 'no-such-topic' does not exist")
                .hasMessageContaining("auto.create.topics.enable=false")
                .hasMessageNotContaining("not present in metadata")
                .hasMessageNotContaining("within");
          });
      // The delivery timeout is 30 s and the connect timeout 10 s: neither was waited out.
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void aBufferedDeliveryFailsOnlyTheMessagesForTheMissingTopicAtOnceAndDeliversTheRest() {
    try (Gregor gregor = Gregor.connect(noAutoCreate.bootstrapServers()); Producer producer = gregor.producer()) {
      CompletableFuture<Delivered> before = producer.produce("exists", "before");
      producer.produce("no-such-topic", "lost?");
      producer.produce("no-such-topic", "lost too?");
      CompletableFuture<Delivered> after = producer.produce("exists", "after");

      long started = System.nanoTime();
      assertThatThrownBy(producer::deliverMessages).isInstanceOfSatisfying(DeliveryFailed.class, failed -> {
        assertThat(failed.failedMessages()).extracting(PendingMessage::topic).containsExactly("no-such-topic", "no-such-topic");
        assertThat(failed.getCause()).isInstanceOf(UnknownTopic.class);
        assertThat(failed).hasMessageContaining("Topic 'no-such-topic' does not exist");
      });
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
      assertThat(before).isCompleted();
      assertThat(after).isCompleted();
      assertThat(producer.bufferSize()).isEqualTo(2);
    }
  }

  @Test
  void failuresThatHappenedAtOnceDoNotSayTheyWaited() {
    try (Gregor gregor = Gregor.connect(noAutoCreate.bootstrapServers())) {
      assertThatThrownBy(() -> gregor.deliverMessage("exists", "x", Produce.partition(5)))
          .isInstanceOf(DeliveryFailed.class)
          .hasMessageContaining("partition 5 does not exist")
          .hasMessageNotContaining("within");
      assertThatThrownBy(() -> gregor.deliverMessage("small", "x".repeat(5000)))
          .isInstanceOfSatisfying(DeliveryFailed.class, failed -> {
            assertThat(failed.getCause()).isInstanceOf(MessageSizeTooLarge.class);
            assertThat(failed).hasMessageContaining("max.message.bytes is 1000").hasMessageNotContaining("within");
          });
    }
  }
}
