package dev.gregor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

// KafkaEx: "Fetch Messages", "Retrieve Offsets", "Retrieve Metadata"; ruby-kafka: "Consuming Messages from Kafka".
@EmbeddedKafkaTest
@ExtendWith(ConnectedClient.class)
class ReadingTest {

  @Test
  void fetchReturnsMessagesTheNextOffsetAndTheHighWatermark(Gregor gregor, TestTopics topics) {
    String topic = topics.create(1);
    write(gregor, topic, 0, "a", "b", "c");

    Fetch all = gregor.fetch(topic, 0, Offset.EARLIEST);
    Fetch fromOne = gregor.fetch(topic, 0, Offset.at(1));
    Fetch atEnd = gregor.fetch(topic, 0, Offset.LATEST, 1, Duration.ofMillis(200), 1024 * 1024);

    assertThat(all.messages()).extracting(Message::valueAsString).containsExactly("a", "b", "c");
    assertThat(all.nextOffset()).isEqualTo(3);
    assertThat(all.highWatermark()).isEqualTo(3);
    assertThat(fromOne.messages()).extracting(Message::offset).containsExactly(1L, 2L);
    assertThat(atEnd.messages()).isEmpty();
    assertThat(atEnd.nextOffset()).isEqualTo(3);
  }

  @Test
  void fetchReturnsNoMoreThanMaxBytesAllowsButAtLeastOneMessage(Gregor gregor, TestTopics topics) {
    String topic = topics.create(1);
    String kilobyte = "x".repeat(1024);
    // One delivery per message, so each is its own record batch: brokers limit fetches by whole batches.
    IntStream.range(0, 20).forEach(i -> gregor.deliverMessage(topic, kilobyte, Produce.partition(0)));

    Fetch small = gregor.fetch(topic, 0, Offset.EARLIEST, 1, Duration.ofSeconds(1), 4 * 1024);

    assertThat(small.messages()).isNotEmpty().hasSizeLessThan(20);
    assertThat(small.nextOffset()).isEqualTo(small.messages().size());
  }

  @Test
  void earliestLatestAndTimestampOffsetsDescribeThePartition(Gregor gregor, TestTopics topics) {
    String topic = topics.create(1);
    Instant t0 = Instant.parse("2025-01-01T00:00:00Z");
    for (int i = 0; i < 3; i++) {
      gregor.deliverMessage(topic, "m" + i, Produce.partition(0).createTime(t0.plusSeconds(60L * i)));
    }

    assertThat(gregor.earliestOffset(topic, 0)).isZero();
    assertThat(gregor.latestOffset(topic, 0)).isEqualTo(3);
    assertThat(gregor.offsetForTime(topic, 0, t0.plusSeconds(30))).isEqualTo(1);
    assertThat(gregor.offsetForTime(topic, 0, t0.plusSeconds(3600))).isEqualTo(-1);
  }

  @Test
  void metadataDescribesTopicsAndTheCluster(Gregor gregor, EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(3);

    TopicMetadata metadata = gregor.topicMetadata(topic);
    ClusterMetadata cluster = gregor.clusterMetadata();

    assertThat(gregor.partitionsFor(topic)).isEqualTo(3);
    assertThat(metadata.partitions()).allSatisfy(p -> {
      assertThat(p.leader()).isEqualTo(1);
      assertThat(p.replicas()).containsExactly(1);
      assertThat(p.inSyncReplicas()).containsExactly(1);
    });
    String other = topics.create(1);
    Map<String, TopicMetadata> both = gregor.topicMetadata(List.of(other, topic));
    assertThat(both.keySet()).containsExactly(other, topic);
    assertThat(both.get(topic).partitions()).hasSize(3);
    assertThat(both.get(other).partitions()).singleElement().satisfies(p -> assertThat(p.leader()).isEqualTo(1));
    assertThat(cluster.clusterId()).isEqualTo(kafka.clusterId());
    assertThat(cluster.brokers()).singleElement().satisfies(b -> assertThat(b.host()).isEqualTo("localhost"));
  }

  @Test
  void unknownTopicsAndPartitionsAreNamedInTheError(Gregor gregor, TestTopics topics) {
    String topic = topics.create(2);
    String missing = topics.next();

    assertThatThrownBy(() -> gregor.fetch(missing, 0, Offset.EARLIEST)).isInstanceOf(UnknownTopic.class)
        .hasMessageContaining("'" + missing + "' does not exist");
    assertThatThrownBy(() -> gregor.topicMetadata(missing)).isInstanceOf(UnknownTopic.class)
        .hasMessageContaining("'" + missing + "'");
    assertThatThrownBy(() -> gregor.topicMetadata(List.of(topic, missing))).isInstanceOf(UnknownTopic.class)
        .hasMessageContaining("'" + missing + "'");
    assertThatThrownBy(() -> gregor.fetch(topic, 5, Offset.EARLIEST)).isInstanceOf(UnknownTopic.class)
        .hasMessageContaining("Partition 5 of topic '" + topic + "' does not exist: it has 2 partitions");
  }

  @Test
  void eachMessageFromTheBeginningReadsEveryPartitionAndCanStopAtTheEnd(Gregor gregor, TestTopics topics) {
    String topic = topics.create(2);
    write(gregor, topic, 0, "p0-a", "p0-b");
    write(gregor, topic, 1, "p1-a", "p1-b", "p1-c");
    List<String> seen = new CopyOnWriteArrayList<>();

    gregor.eachMessage(topic, Consume.fromBeginning().exitAtEnd(), message -> seen.add(message.valueAsString()));

    assertThat(seen).containsExactlyInAnyOrder("p0-a", "p0-b", "p1-a", "p1-b", "p1-c");
  }

  @Test
  void eachMessageFromTheEndSeesOnlyNewMessagesUntilInterrupted(Gregor gregor, TestTopics topics) throws Exception {
    String topic = topics.create(1);
    write(gregor, topic, 0, "old");
    List<String> seen = new CopyOnWriteArrayList<>();
    Thread reader = new Thread(() -> gregor.eachMessage(topic, Consume.fromEnd(), m -> seen.add(m.valueAsString())));
    reader.start();

    AtomicInteger written = new AtomicInteger();
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      gregor.deliverMessage(topic, "new-" + written.incrementAndGet());
      return !seen.isEmpty();
    });
    reader.interrupt();
    reader.join(30_000);

    assertThat(reader.isAlive()).isFalse();
    assertThat(seen).doesNotContain("old").allSatisfy(v -> assertThat(v).startsWith("new-"));
  }

  @Test
  void aFailingHandlerStopsEachMessageNamingWhereItFailed(Gregor gregor, TestTopics topics) {
    String topic = topics.create(1);
    write(gregor, topic, 0, "undecodable");

    assertThatThrownBy(() -> gregor.eachMessage(topic, message -> {
      throw new IOException("cannot decode " + message.valueAsString());
    })).isInstanceOf(GregorException.class)
        .hasMessageContaining("topic '" + topic + "' partition 0 offset 0")
        .hasMessageContaining("cannot decode undecodable");
  }

  private static void write(Gregor gregor, String topic, int partition, String... values) {
    gregor.deliverMessages(java.util.Arrays.stream(values)
        .map(v -> PendingMessage.of(topic, v, Produce.partition(partition))).collect(Collectors.toList()));
  }

  @Test
  void fetchMovesNextOffsetPastTransactionMarkers(Gregor gregor, TestTopics topics) {
    String topic = topics.create(1);
    try (TransactionalProducer tx = gregor.transactionalProducer(topic + "-tx")) {
      tx.inTransaction(t -> t.produce(topic, "committed", Produce.options()));
    }

    Fetch afterMessage = gregor.fetch(topic, 0, Offset.at(1)); // offset 1 holds the commit marker

    assertThat(afterMessage.messages()).isEmpty();
    assertThat(afterMessage.nextOffset()).isEqualTo(2).isEqualTo(afterMessage.highWatermark());
  }
}
