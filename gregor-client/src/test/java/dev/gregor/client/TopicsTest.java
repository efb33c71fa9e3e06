package dev.gregor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

// ruby-kafka: "Topic management"; KafkaEx: "Topic Management".
@EmbeddedKafkaTest
@ExtendWith(ConnectedClient.class)
class TopicsTest {

  @Test
  void createdTopicIsListedAndDescribedWithItsPartitionsAndConfigs(Gregor gregor, TestTopics topics) {
    String topic = topics.next();

    gregor.topics().create(topic, t -> t.partitions(3).replicationFactor(1).config("max.message.bytes", "100000"));

    assertThat(gregor.topics().list()).contains(topic);
    TopicDescription description = gregor.topics().describe(topic);
    assertThat(description.partitionCount()).isEqualTo(3);
    assertThat(description.partitions()).allSatisfy(p -> {
      assertThat(p.leader()).isGreaterThanOrEqualTo(0);
      assertThat(p.replicas()).hasSize(1);
      assertThat(p.inSyncReplicas()).isEqualTo(p.replicas());
    });
    assertThat(description.overrides()).containsEntry("max.message.bytes", "100000");
    assertThat(description.configs()).containsEntry("max.message.bytes", "100000").containsKey("retention.ms");
  }

  @Test
  void aCreatedTopicCanBeWrittenAtOnce(Gregor gregor, TestTopics topics) {
    String topic = topics.next();

    gregor.topics().create(topic, t -> t.partitions(2));

    assertThat(gregor.deliverMessage(topic, "first", Produce.partition(1)).partition()).isEqualTo(1);
  }

  @Test
  void watermarksOfManyTopicsComeOrderedByTopicAndPartition(Gregor gregor, TestTopics topics) {
    String two = topics.create(2);
    String one = topics.create(1);
    gregor.deliverMessages(List.of(PendingMessage.of(two, "a", Produce.partition(1)), PendingMessage.of(two, "b", Produce.partition(1)),
        PendingMessage.of(one, "c", Produce.options())));

    Map<TopicPartition, Watermarks> watermarks = gregor.topics().watermarks(List.of(two, one, two));

    List<TopicPartition> expected = Stream.of(new TopicPartition(two, 0), new TopicPartition(two, 1),
        new TopicPartition(one, 0)).sorted(Comparator.comparing(TopicPartition::topic)
        .thenComparingInt(TopicPartition::partition)).toList();
    assertThat(watermarks.keySet()).containsExactlyElementsOf(expected);
    assertThat(watermarks.get(new TopicPartition(two, 0))).isEqualTo(new Watermarks(0, 0));
    assertThat(watermarks.get(new TopicPartition(two, 1))).isEqualTo(new Watermarks(0, 2));
    assertThat(watermarks.get(new TopicPartition(one, 0)).span()).isEqualTo(1);
    assertThat(gregor.topics().watermarks(List.of())).isEmpty();
  }

  @Test
  void watermarksOfATopicThatDoesNotExistNameIt(Gregor gregor, TestTopics topics) {
    String existing = topics.create(1);
    String missing = existing + "-missing";

    assertThatThrownBy(() -> gregor.topics().watermarks(List.of(existing, missing)))
        .isInstanceOfSatisfying(UnknownTopic.class, e -> assertThat(e.topic()).isEqualTo(missing))
        .hasMessageContaining(missing);
  }

  @Test
  void creatingATopicThatExistsFailsWithTopicExistsNamingIt(Gregor gregor, TestTopics topics) {
    String topic = topics.create(1);

    assertThatThrownBy(() -> gregor.topics().create(topic))
        .isInstanceOfSatisfying(TopicExists.class, e -> assertThat(e.topic()).isEqualTo(topic))
        .hasMessageContaining("create topic '" + topic + "'")
        .hasMessageContaining("already exists");
  }

  @Test
  void validateOnlyChecksTheRequestButCreatesNothing(Gregor gregor, TestTopics topics) {
    String topic = topics.next();

    gregor.topics().create(topic, t -> t.partitions(2).validateOnly(true));

    assertThat(gregor.topics().list()).doesNotContain(topic);
    assertThatThrownBy(() -> gregor.topics().create(topic, t -> t.partitions(2).config("cleanup.policy", "shred")
        .validateOnly(true)))
        .isInstanceOf(GregorException.class)
        .hasMessageContaining(topic)
        .hasMessageContaining("shred");
  }

  @Test
  void aReplicationFactorAboveTheBrokerCountNamesTheTopicAndTheCause(Gregor gregor, TestTopics topics) {
    String topic = topics.next();

    assertThatThrownBy(() -> gregor.topics().create(topic, t -> t.replicationFactor(3)))
        .isInstanceOf(GregorException.class)
        .hasMessageContaining("create topic '" + topic + "'")
        .hasMessageContaining("replication factor");
  }

  @Test
  void createPartitionsRaisesThePartitionCount(Gregor gregor, TestTopics topics) {
    String topic = topics.create(1);

    gregor.topics().createPartitions(topic, 4);

    await().untilAsserted(() -> assertThat(gregor.topics().describe(topic).partitionCount()).isEqualTo(4));
  }

  @Test
  void createPartitionsBelowTheCurrentCountFailsWithInvalidPartitions(Gregor gregor, TestTopics topics) {
    String topic = topics.create(3);

    assertThatThrownBy(() -> gregor.topics().createPartitions(topic, 2))
        .isInstanceOfSatisfying(InvalidPartitions.class, e -> assertThat(e.topic()).isEqualTo(topic))
        .hasMessageContaining("'" + topic + "'")
        .hasMessageContaining("3");
  }

  @Test
  void alterConfigsChangesOnlyTheNamedConfigs(Gregor gregor, TestTopics topics) {
    String topic = topics.next();
    gregor.topics().create(topic, t -> t.config("retention.ms", "86400000").config("max.message.bytes", "100000"));

    gregor.topics().alterConfigs(topic, ConfigChanges.set("retention.ms", "3600000").andDelete("max.message.bytes")
        .andSet("segment.ms", "600000"));

    await().untilAsserted(() -> assertThat(gregor.topics().describe(topic).overrides())
        .containsEntry("retention.ms", "3600000")
        .containsEntry("segment.ms", "600000")
        .doesNotContainKey("max.message.bytes"));
  }

  @Test
  void alterAnUnknownConfigNamesTheTopicAndTheConfig(Gregor gregor, TestTopics topics) {
    String topic = topics.create(1);

    assertThatThrownBy(() -> gregor.topics().alterConfigs(topic, ConfigChanges.set("retention.nonsense", "1")))
        .isInstanceOf(GregorException.class)
        .hasMessageContaining("'" + topic + "'")
        .hasMessageContaining("retention.nonsense");
  }

  @Test
  void deleteRemovesTheTopic(Gregor gregor, TestTopics topics) {
    String topic = topics.create(1);

    gregor.topics().delete(topic);

    await().untilAsserted(() -> assertThat(gregor.topics().list()).doesNotContain(topic));
  }

  @Test
  void deleteTopicThatDoesNotExistNamesIt(Gregor gregor, TestTopics topics) {
    String topic = topics.next();

    assertThatThrownBy(() -> gregor.topics().delete(topic))
        .isInstanceOf(UnknownTopic.class)
        .hasMessageContaining("delete topic '" + topic + "'");
  }

  @Test
  void describeTopicThatDoesNotExistNamesIt(Gregor gregor, TestTopics topics) {
    String topic = topics.next();

    assertThatThrownBy(() -> gregor.topics().describe(topic))
        .isInstanceOf(UnknownTopic.class)
        .hasMessageContaining("'" + topic + "'");
  }

  @Test
  void asyncVariantsCompleteWithTheResultOrTheNamedFailure(Gregor gregor, TestTopics topics) {
    String topic = topics.next();

    gregor.topics().createAsync(topic, t -> t.partitions(2)).join();
    CompletableFuture<TopicDescription> described = gregor.topics().describeAsync(topic);
    CompletableFuture<Void> again = gregor.topics().createAsync(topic, t -> t.partitions(2));

    assertThat(described.join().partitionCount()).isEqualTo(2);
    assertThatThrownBy(again::join).isInstanceOf(CompletionException.class).hasCauseInstanceOf(TopicExists.class);
  }

  @Test
  void badSettingsAreRefusedBeforeAnythingIsSent(Gregor gregor) {
    assertThatThrownBy(() -> gregor.topics().create("orders", t -> t.partitions(0)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("partitions");
    assertThatThrownBy(() -> gregor.topics().create("bad topic"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'bad topic'");
  }

  @Test
  void anOperationOnAClosedClientIsRefused(Gregor gregor) {
    Topics topicsOfClosed = gregor.topics();
    gregor.close();

    assertThatThrownBy(topicsOfClosed::list).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
  }

  @Test
  void listLeavesOutInternalTopicsUnlessAskedFor(Gregor gregor, TestTopics topics) {
    String topic = topics.create(1);
    gregor.groups().resetOffsets("topics-test-" + topic, topic, OffsetReset.toEarliest()); // makes __consumer_offsets exist

    assertThat(gregor.topics().list()).contains(topic).doesNotContain("__consumer_offsets");
    assertThat(gregor.topics().list(true)).contains(topic, "__consumer_offsets").isSorted();
    assertThat(gregor.topics().listAsync(false).join()).doesNotContain("__consumer_offsets");
  }
}
