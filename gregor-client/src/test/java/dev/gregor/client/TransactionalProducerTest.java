package dev.gregor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

// Exactly-once: read_committed readers see a transaction's messages and offsets entirely or not at all.
@EmbeddedKafkaTest
@ExtendWith(ConnectedClient.class)
class TransactionalProducerTest {
  @Test
  void committedTransactionIsVisibleToReadCommittedConsumers(Gregor gregor, EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);
    try (TransactionalProducer producer = gregor.transactionalProducer(topic + "-tx")) {
      producer.inTransaction(tx -> {
        tx.produce(topic, "one", Produce.options());
        tx.produce(topic, "two", Produce.key("k"));
      });
    }

    assertThat(BufferedProducerTest.values(Records.readAll(readCommitted(kafka), topic, 2))).containsExactly("one", "two");
  }

  @Test
  void abortedTransactionIsInvisibleToReadCommittedConsumers(Gregor gregor, EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);
    try (TransactionalProducer producer = gregor.transactionalProducer(topic + "-tx")) {
      assertThatThrownBy(() -> producer.inTransaction(tx -> {
        tx.produce(topic, "never visible", Produce.options());
        throw new IllegalStateException("transform failed");
      })).isInstanceOf(IllegalStateException.class).hasMessage("transform failed");

      producer.inTransaction(tx -> tx.produce(topic, "visible", Produce.options()));
    }

    // "visible" follows the aborted message in the log, so reading it means the reader went past that one.
    assertThat(BufferedProducerTest.values(Records.readAll(readCommitted(kafka), topic, 1))).containsExactly("visible");
  }

  @Test
  void consumerOffsetsAreCommittedWithTheTransactionAndOnlyThen(Gregor gregor, EmbeddedKafka kafka, Admin admin, TestTopics topics)
      throws Exception {
    String input = topics.create(1);
    String output = topics.create(1);
    String group = input + "-group";
    try (TransactionalProducer producer = gregor.transactionalProducer(input + "-tx")) {
      assertThatThrownBy(() -> producer.inTransaction(tx -> {
        tx.produce(output, "transformed 0", Produce.options());
        tx.sendOffsets(group, input, 0, 1);
        throw new IllegalStateException("crash before commit");
      })).isInstanceOf(IllegalStateException.class);
      assertThat(committedOffsets(admin, group)).isEmpty();

      producer.inTransaction(tx -> {
        tx.produce(output, "transformed 0", Produce.options());
        tx.sendOffsets(group, input, 0, 1);
      });
    }

    // The commit returns once the coordinator was told; it writes the offsets' commit marker right after.
    await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> assertThat(committedOffsets(admin, group))
        .containsEntry(new TopicPartition(input, 0), new OffsetAndMetadata(1)));
    assertThat(BufferedProducerTest.values(Records.readAll(readCommitted(kafka), output, 1))).containsExactly("transformed 0");
  }

  @Test
  void aNewerProducerWithTheSameTransactionalIdFencesTheOlderOne(Gregor gregor, TestTopics topics) {
    String topic = topics.create(1);
    try (TransactionalProducer old = gregor.transactionalProducer(topic + "-tx")) {
      old.inTransaction(tx -> tx.produce(topic, "from the old instance", Produce.options()));
      try (TransactionalProducer replacement = gregor.transactionalProducer(topic + "-tx")) {
        assertThatThrownBy(() -> old.inTransaction(tx -> tx.produce(topic, "zombie", Produce.options())))
            .isInstanceOf(GregorException.class)
            .hasMessageContaining("'" + topic + "-tx' can no longer write");
        replacement.inTransaction(tx -> tx.produce(topic, "from the new instance", Produce.options()));
      }
    }
  }

  private static Map<String, Object> readCommitted(EmbeddedKafka kafka) {
    Map<String, Object> config = new HashMap<>(kafka.clientConfig());
    config.put("isolation.level", "read_committed");
    return config;
  }

  private static Map<TopicPartition, OffsetAndMetadata> committedOffsets(Admin admin, String group) throws Exception {
    return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
  }
}
