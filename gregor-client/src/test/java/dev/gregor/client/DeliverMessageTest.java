package dev.gregor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

// ruby-kafka: "Producing Messages to Kafka" — deliver_message with partition, partition_key and key.
@EmbeddedKafkaTest
@ExtendWith(ConnectedClient.class)
class DeliverMessageTest {
  @Test
  void deliverMessageReturnsWhereKafkaStoredIt(Gregor gregor, EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);

    Delivered first = gregor.deliverMessage(topic, "Hello, World!");
    Delivered second = gregor.deliverMessage(topic, "Hello again");

    assertThat(first.topic()).isEqualTo(topic);
    assertThat(first.partition()).isZero();
    assertThat(first.offset()).isZero();
    assertThat(second.offset()).isEqualTo(1);
    assertThat(values(Records.readAll(kafka.clientConfig(), topic, 2))).containsExactly("Hello, World!", "Hello again");
  }

  @Test
  void explicitPartitionIsWhereTheMessageGoes(Gregor gregor, TestTopics topics) {
    String topic = topics.create(4);

    assertThat(gregor.deliverMessage(topic, "to three", Produce.partition(3)).partition()).isEqualTo(3);
  }

  @Test
  void samePartitionKeyAlwaysPicksTheSamePartitionAndIsNotStoredAsTheKey(Gregor gregor, EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(8);

    Set<Integer> partitions = IntStream.range(0, 5)
        .mapToObj(i -> gregor.deliverMessage(topic, "purchase " + i, Produce.partitionKey("customer-42")).partition())
        .collect(Collectors.toSet());

    assertThat(partitions).hasSize(1);
    assertThat(Records.readAll(kafka.clientConfig(), topic, 5)).allSatisfy(record -> assertThat(record.key()).isNull());
  }

  @Test
  void keyHeadersAndCreateTimeAreStoredWithTheMessage(Gregor gregor, EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);
    Instant createdAt = Instant.parse("2024-05-01T12:00:00Z");

    gregor.deliverMessage(topic, "order placed",
        Produce.key("order-7").header("source", "checkout").createTime(createdAt));

    ConsumerRecord<byte[], byte[]> record = Records.readAll(kafka.clientConfig(), topic, 1).get(0);
    assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("order-7");
    assertThat(new String(record.headers().lastHeader("source").value(), StandardCharsets.UTF_8)).isEqualTo("checkout");
    assertThat(record.timestamp()).isEqualTo(createdAt.toEpochMilli());
  }

  @Test
  void headersWithOneNameAreAllSentInTheOrderGiven(Gregor gregor, EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);

    gregor.deliverMessage(topic, "tagged", Produce.options().header("tag", "one").header("other", "x").header("tag", "two"));

    ConsumerRecord<byte[], byte[]> record = Records.readAll(kafka.clientConfig(), topic, 1).get(0);
    assertThat(java.util.Arrays.stream(record.headers().toArray())
        .map(h -> h.key() + "=" + new String(h.value(), StandardCharsets.UTF_8)))
        .containsExactly("tag=one", "other=x", "tag=two");
  }

  @Test
  void invalidTopicNamesAreRefusedBeforeAnythingIsSent(Gregor gregor) {
    assertThatThrownBy(() -> gregor.deliverMessage("", "x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("topic must be a non-empty name");
    assertThatThrownBy(() -> gregor.deliverMessage("no spaces allowed", "x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'no spaces allowed' is not a valid Kafka topic name");
  }

  @Test
  void oversizedMessageFailsNamingTheTopicAndKeepsTheMessage(Gregor gregor, TestTopics topics) {
    String topic = topics.create(1, 1, Map.of("max.message.bytes", "1024"));
    byte[] large = new byte[4096];

    assertThatThrownBy(() -> gregor.deliverMessage(topic, large, Produce.options()))
        .isInstanceOfSatisfying(DeliveryFailed.class, failed -> {
          assertThat(failed.getMessage()).contains("topic '" + topic + "'");
          assertThat(failed.getCause()).isInstanceOf(MessageSizeTooLarge.class).hasMessageContaining("4096 bytes")
              .hasMessageContaining("max.message.bytes is 1024"); // refused before sending: no kafka-clients cause
          assertThat(failed.failedMessages()).singleElement().satisfies(m -> assertThat(m.value()).isSameAs(large));
        });
  }

  @Test
  void deliverMessagesDeliversABatchAndSaysWhereEachWent(Gregor gregor, EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);

    // KafkaEx: "Produce a batch of messages with keys"
    List<Delivered> delivered = gregor.deliverMessages(List.of(
        PendingMessage.of(topic, "event-a", Produce.partition(0).withKey("user-1")),
        PendingMessage.of(topic, "event-b", Produce.partition(0).withKey("user-2"))));

    assertThat(delivered).extracting(Delivered::offset).containsExactly(0L, 1L);
    assertThat(values(Records.readAll(kafka.clientConfig(), topic, 2))).containsExactly("event-a", "event-b");
  }

  @Test
  void closedClientRefusesToDeliver(Gregor gregor) {
    gregor.close();

    assertThatThrownBy(() -> gregor.deliverMessage("any", "x"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
  }

  private static List<String> values(List<ConsumerRecord<byte[], byte[]>> records) {
    return records.stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)).collect(Collectors.toList());
  }
}
