package dev.gregor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

// Issue 20 defect 9: one record over a topic's max.message.bytes, batched with good ones, must not
// send kafka-clients into its endless split loop; it fails at once and the others are delivered.
@EmbeddedKafkaTest
class OversizedMessageTest {
  private static final String BIG = "x".repeat(5000);

  @Test
  @Timeout(90) // a guard against the hang itself, not a timing assertion
  void anOversizedMessageBetweenGoodOnesFailsAtOnceNamingTheTopicsLimitAndTheOthersAreDelivered(EmbeddedKafka kafka,
      TestTopics topics) {
    String topic = topics.create(1, 1, Map.of("max.message.bytes", "1000"));
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers()); Producer producer = gregor.producer()) {
      CompletableFuture<Delivered> first = producer.produce(topic, "good 1");
      producer.produce(topic, BIG);
      CompletableFuture<Delivered> last = producer.produce(topic, "good 2");

      long started = System.nanoTime();
      assertThatThrownBy(producer::deliverMessages).isInstanceOfSatisfying(DeliveryFailed.class, failed -> {
        assertThat(failed.failedMessages()).singleElement().satisfies(m -> assertThat(m.bytesize()).isEqualTo(5000));
        assertThat(failed.getCause()).isInstanceOf(MessageSizeTooLarge.class);
        assertThat(failed).hasMessageContaining("topic '" + topic + "'").hasMessageContaining("max.message.bytes is 1000");
      });
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
      assertThat(first).isCompleted();
      assertThat(last).isCompleted();
      assertThat(producer.bufferSize()).isEqualTo(1);
    }
    assertThat(BufferedProducerTest.values(Records.readAll(kafka.clientConfig(), topic, 2))).containsExactly("good 1", "good 2");
  }

  @Test
  @Timeout(90)
  void aBatchDeliveryWithAnOversizedMessageDeliversTheRestAndTheClientClosesPromptly(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1, 1, Map.of("max.message.bytes", "1000"));
    Gregor gregor = Gregor.connect(kafka.bootstrapServers());
    List<PendingMessage> batch = List.of(PendingMessage.of(topic, "good 1", Produce.options()), PendingMessage.of(topic, BIG, Produce.options()),
        PendingMessage.of(topic, "good 2", Produce.options()));

    assertThatThrownBy(() -> gregor.deliverMessages(batch)).isInstanceOfSatisfying(DeliveryFailed.class,
        failed -> assertThat(failed.failedMessages()).singleElement().satisfies(m -> assertThat(m.bytesize()).isEqualTo(5000)));
    long started = System.nanoTime();
    gregor.close();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    assertThat(BufferedProducerTest.values(Records.readAll(kafka.clientConfig(), topic, 2))).containsExactly("good 1", "good 2");
  }

  @Test
  @Timeout(90)
  void goodMessagesThatFitTheTopicLimitOnlyOneByOneAreAllDelivered(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1, 1, Map.of("max.message.bytes", "1000"));
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers()); Producer producer = gregor.producer()) {
      for (int i = 0; i < 10; i++) {
        producer.produce(topic, i + "x".repeat(600));
      }
      producer.deliverMessages();
      assertThat(producer.bufferSize()).isZero();
    }
    assertThat(Records.readAll(kafka.clientConfig(), topic, 10)).hasSize(10);
  }

  @Test
  @Timeout(90)
  void anIncompressibleMessageOverTheLimitInACompressedBatchFailsWithoutHangingAndTheOthersFollow(EmbeddedKafka kafka,
      TestTopics topics) {
    String topic = topics.create(1, 1, Map.of("max.message.bytes", "1000"));
    byte[] noise = new byte[5000];
    new java.util.Random(20).nextBytes(noise);
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers());
         Producer producer = gregor.producer(p -> p.compression(Compression.LZ4))) {
      producer.produce(topic, "good 1");
      producer.produce(topic, noise, Produce.options());
      producer.produce(topic, "good 2");

      // Compressed, its size is the broker's to judge; kafka-clients' endless split is stopped, not waited out.
      long started = System.nanoTime();
      assertThatThrownBy(producer::deliverMessages).isInstanceOfSatisfying(DeliveryFailed.class,
          failed -> assertThat(failed).hasMessageContaining("max.message.bytes is 1000"));
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));

      // The retry sends that topic one message to a batch: only the one too large on its own fails.
      assertThatThrownBy(producer::deliverMessages).isInstanceOfSatisfying(DeliveryFailed.class,
          failed -> assertThat(failed.failedMessages()).singleElement().satisfies(m -> assertThat(m.bytesize()).isEqualTo(5000)));
    }
    assertThat(BufferedProducerTest.values(Records.readAll(kafka.clientConfig(), topic, 2))).containsExactly("good 1", "good 2");
  }
}
