package dev.gregor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@EmbeddedKafkaTest
@ExtendWith(ConnectedClient.class)
class GroupsTest {

  @Test
  void describeShowsMembersAssignmentsAndLagPerPartition(Gregor gregor, EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(2);
    String group = groupId();
    write(gregor, topic, 0, 5);
    write(gregor, topic, 1, 3);
    try (KafkaConsumer<byte[], byte[]> member = joined(kafka, group, topic)) {
      member.commitSync(Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(2)));

      GroupDescription description = gregor.groups().describe(group);

      assertThat(description.state()).isEqualTo("Stable");
      assertThat(description.members()).singleElement().satisfies(m -> {
        assertThat(m.clientId()).isEqualTo("groups-test");
        assertThat(m.assignment()).isEqualTo(Map.of(topic, List.of(0, 1)));
      });
      assertThat(description.offsets()).containsExactly(
          new GroupDescription.PartitionOffset(topic, 0, 2, 5, 3),
          new GroupDescription.PartitionOffset(topic, 1, -1, 3, -1));
      assertThat(description.totalLag()).isEqualTo(3);
      assertThat(gregor.groups().list()).contains(new GroupListing(group, "Stable", "classic"));
    }
  }

  @Test
  void resetOffsetsRefusesWhileTheGroupHasMembers(Gregor gregor, EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);
    String group = groupId();
    try (KafkaConsumer<byte[], byte[]> member = joined(kafka, group, topic)) {
      assertThatThrownBy(() -> gregor.groups().resetOffsets(group, topic, OffsetReset.toEarliest()))
          .isInstanceOfSatisfying(GroupNotEmpty.class, e -> assertThat(e.groupId()).isEqualTo(group))
          .hasMessageContaining("'" + group + "'")
          .hasMessageContaining("1 active member")
          .hasMessageContaining("force()");
    }
  }

  @Test
  void aForcedResetRemovesTheMembersAndSetsTheOffsets(Gregor gregor, EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);
    String group = groupId();
    write(gregor, topic, 0, 4);
    try (KafkaConsumer<byte[], byte[]> member = joined(kafka, group, topic)) {
      member.commitSync(Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(4)));

      Map<Integer, Long> reset = gregor.groups().resetOffsets(group, topic, OffsetReset.toOffset(1).force());

      assertThat(reset).isEqualTo(Map.of(0, 1L));
      assertThat(committed(gregor, group, topic, 0)).isEqualTo(1);
    }
  }

  @Test
  void resetMovesAnIdleGroupToEarliestLatestATimeOrAnOffset(Gregor gregor, TestTopics topics) {
    String topic = topics.create(2);
    String group = groupId();
    Instant start = Instant.parse("2025-01-01T00:00:00Z");
    for (int i = 0; i < 6; i++) {
      gregor.deliverMessage(topic, "m" + i, Produce.partition(i % 2).createTime(start.plusSeconds(i)));
    }

    assertThat(gregor.groups().resetOffsets(group, topic, OffsetReset.toLatest())).isEqualTo(Map.of(0, 3L, 1, 3L));
    assertThat(gregor.groups().resetOffsets(group, topic, OffsetReset.toEarliest().partitions(1))).isEqualTo(Map.of(1, 0L));
    assertThat(committed(gregor, group, topic, 0)).isEqualTo(3);
    // Partition 0 holds seconds 0, 2, 4 and partition 1 seconds 1, 3, 5: the first at or after second 3.
    assertThat(gregor.groups().resetOffsets(group, topic, OffsetReset.toTime(start.plusSeconds(3))))
        .isEqualTo(Map.of(0, 2L, 1, 1L));
    assertThat(gregor.groups().resetOffsets(group, topic, OffsetReset.toTime(start.plusSeconds(60))))
        .isEqualTo(Map.of(0, 3L, 1, 3L));
    assertThat(gregor.groups().resetOffsets(group, topic, OffsetReset.toOffset(99))).isEqualTo(Map.of(0, 3L, 1, 3L));
    assertThat(gregor.groups().resetOffsets(group, topic, OffsetReset.toOffset(1))).isEqualTo(Map.of(0, 1L, 1, 1L));
    assertThat(gregor.groups().describe(group).state()).isEqualTo("Empty");
  }

  @Test
  void resetOfAPartitionTheTopicDoesNotHaveNamesIt(Gregor gregor, TestTopics topics) {
    String topic = topics.create(1);

    assertThatThrownBy(() -> gregor.groups().resetOffsets(groupId(), topic, OffsetReset.toEarliest().partitions(3)))
        .isInstanceOf(UnknownTopic.class)
        .hasMessageContaining("'" + topic + "' has no partition 3");
  }

  @Test
  void deleteRefusesAGroupWithMembersAndDeletesAnEmptyOne(Gregor gregor, EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);
    String group = groupId();
    try (KafkaConsumer<byte[], byte[]> member = joined(kafka, group, topic)) {
      member.commitSync(Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(0)));
      assertThatThrownBy(() -> gregor.groups().delete(group))
          .isInstanceOf(GroupNotEmpty.class)
          .hasMessageContaining("delete consumer group '" + group + "'");
    }

    gregor.groups().delete(group);

    assertThat(gregor.groups().list()).extracting(GroupListing::groupId).doesNotContain(group);
  }

  @Test
  void describeOrDeleteOfAGroupThatDoesNotExistNamesIt(Gregor gregor) {
    String group = groupId();

    assertThatThrownBy(() -> gregor.groups().describe(group))
        .isInstanceOfSatisfying(UnknownGroup.class, e -> assertThat(e.groupId()).isEqualTo(group))
        .hasMessageContaining("'" + group + "'");
    assertThatThrownBy(() -> gregor.groups().deleteAsync(group).join())
        .hasCauseInstanceOf(UnknownGroup.class)
        .hasMessageContaining("'" + group + "'");
  }

  private static long committed(Gregor gregor, String group, String topic, int partition) {
    return gregor.groups().describe(group).offsets().stream()
        .filter(o -> o.topic().equals(topic) && o.partition() == partition)
        .findFirst().orElseThrow().committedOffset();
  }

  private static void write(Gregor gregor, String topic, int partition, int count) {
    for (int i = 0; i < count; i++) {
      gregor.deliverMessage(topic, "m" + i, Produce.partition(partition));
    }
  }

  /** A plain kafka-clients member of {@code group}, returned once the group assigned it the topic's partitions. */
  private static KafkaConsumer<byte[], byte[]> joined(EmbeddedKafka kafka, String group, String topic) {
    Map<String, Object> config = new HashMap<>(kafka.clientConfig());
    config.put("group.id", group);
    config.put("client.id", "groups-test");
    config.put("enable.auto.commit", false);
    KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    consumer.subscribe(List.of(topic));
    await().pollInSameThread().until(() -> {
      consumer.poll(Duration.ofMillis(100));
      return !consumer.assignment().isEmpty();
    });
    return consumer;
  }

  private static String groupId() {
    return "groups-test-" + UUID.randomUUID();
  }
}
