package dev.gregor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Per-partition resets ({@link OffsetReset#toOffsets}, {@link OffsetReset#shiftBy}) and their dry run, {@link Groups#planReset}. */
@EmbeddedKafkaTest
@ExtendWith(ConnectedClient.class)
class OffsetResetPlanTest {

  @Test
  void toOffsetsGivesEachPartitionItsOwnOffsetWithinItsRange(Gregor gregor, TestTopics topics) {
    String topic = topicWithFiveMessagesPerPartition(gregor, topics);
    String group = groupId();

    Map<Integer, Long> reset = gregor.groups().resetOffsets(group, topic, OffsetReset.toOffsets(Map.of(0, 2L, 1, 99L)));

    assertThat(reset).isEqualTo(Map.of(0, 2L, 1, 5L));
    assertThat(committed(gregor, group, topic)).isEqualTo(Map.of(0, 2L, 1, 5L));
  }

  @Test
  void shiftByMovesEachPartitionFromItsOwnCommittedOffsetClampedToItsRange(Gregor gregor, TestTopics topics) {
    String topic = topicWithFiveMessagesPerPartition(gregor, topics);
    String group = groupId();
    gregor.groups().resetOffsets(group, topic, OffsetReset.toOffsets(Map.of(0, 3L, 1, 1L)));

    assertThat(gregor.groups().resetOffsets(group, topic, OffsetReset.shiftBy(-2))).isEqualTo(Map.of(0, 1L, 1, 0L));
    assertThat(gregor.groups().resetOffsets(group, topic, OffsetReset.shiftBy(3).partitions(1))).isEqualTo(Map.of(1, 3L));
    assertThat(gregor.groups().resetOffsets(group, topic, OffsetReset.shiftBy(Long.MAX_VALUE))).isEqualTo(Map.of(0, 5L, 1, 5L));
    assertThat(committed(gregor, group, topic)).isEqualTo(Map.of(0, 5L, 1, 5L));
  }

  @Test
  void planResetShowsCommittedAndTargetPerPartitionAndChangesNothing(Gregor gregor, TestTopics topics) {
    String topic = topicWithFiveMessagesPerPartition(gregor, topics);
    String group = groupId();
    gregor.groups().resetOffsets(group, topic, OffsetReset.toOffsets(Map.of(0, 4L, 1, 1L)));

    OffsetResetPlan plan = gregor.groups().planReset(group, topic, OffsetReset.shiftBy(-3));

    assertThat(plan.groupId()).isEqualTo(group);
    assertThat(plan.topic()).isEqualTo(topic);
    assertThat(plan.activeMembers()).isZero();
    assertThat(plan.partitions()).containsExactly(new OffsetResetPlan.Partition(0, 4, 1), new OffsetResetPlan.Partition(1, 1, 0));
    assertThat(plan.targets()).isEqualTo(Map.of(0, 1L, 1, 0L));
    assertThat(committed(gregor, group, topic)).isEqualTo(Map.of(0, 4L, 1, 1L));
  }

  @Test
  void planOfAGroupThatDoesNotExistYetHasNoCommittedOffsets(Gregor gregor, TestTopics topics) {
    String topic = topicWithFiveMessagesPerPartition(gregor, topics);

    OffsetResetPlan plan = gregor.groups().planResetAsync(groupId(), topic, OffsetReset.toLatest().partitions(1)).join();

    assertThat(plan.partitions()).containsExactly(new OffsetResetPlan.Partition(1, -1, 5));
  }

  @Test
  void aShiftOfAPartitionWithoutCommittedOffsetNamesItAndCommitsNothing(Gregor gregor, TestTopics topics) {
    String topic = topicWithFiveMessagesPerPartition(gregor, topics);
    String group = groupId();
    gregor.groups().resetOffsets(group, topic, OffsetReset.toOffsets(Map.of(0, 2L)));

    assertThatThrownBy(() -> gregor.groups().resetOffsets(group, topic, OffsetReset.shiftBy(1)))
        .isInstanceOf(GregorException.class)
        .hasMessageContaining("'" + group + "'")
        .hasMessageContaining("no committed offset on partition 1 of topic '" + topic + "'");
    assertThat(committed(gregor, group, topic)).isEqualTo(Map.of(0, 2L)); // all or nothing: partition 0 did not move
  }

  @Test
  void anActiveGroupIsPlannedWithItsMembersButItsResetIsRefused(Gregor gregor, EmbeddedKafka kafka, TestTopics topics) {
    String topic = topicWithFiveMessagesPerPartition(gregor, topics);
    String group = groupId();
    try (KafkaConsumer<byte[], byte[]> member = joined(kafka, group, topic)) {
      member.commitSync(Map.of(new org.apache.kafka.common.TopicPartition(topic, 0),
          new org.apache.kafka.clients.consumer.OffsetAndMetadata(3)));

      OffsetResetPlan plan = gregor.groups().planReset(group, topic, OffsetReset.shiftBy(-1).partitions(0));

      assertThat(plan.activeMembers()).isEqualTo(1);
      assertThat(plan.partitions()).containsExactly(new OffsetResetPlan.Partition(0, 3, 2));
      assertThatThrownBy(() -> gregor.groups().resetOffsets(group, topic, OffsetReset.shiftBy(-1).partitions(0)))
          .isInstanceOf(GroupNotEmpty.class);
      assertThat(gregor.groups().resetOffsets(group, topic, OffsetReset.shiftBy(-1).partitions(0).force()))
          .isEqualTo(Map.of(0, 2L));
    }
  }

  @Test
  void perPartitionResetsRejectBadArgumentsNamingThem() {
    assertThatThrownBy(() -> OffsetReset.toOffsets(Map.of())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one partition");
    assertThatThrownBy(() -> OffsetReset.toOffsets(Map.of(2, -5L))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("partition 2").hasMessageContaining("-5");
    assertThatThrownBy(() -> OffsetReset.toOffsets(Map.of(-1, 5L))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("partition must be 0 or more, was -1");
    assertThatThrownBy(() -> OffsetReset.toOffsets(Map.of(0, 5L)).partitions(1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already names its partitions [0]");
    assertThat(OffsetReset.toOffsets(Map.of(1, 7L, 0, 5L)).partitions()).containsExactly(0, 1);
    assertThat(OffsetReset.shiftBy(-3)).hasToString("SHIFT(-3)");
  }

  private static String topicWithFiveMessagesPerPartition(Gregor gregor, TestTopics topics) {
    String topic = topics.create(2);
    GroupOffsets.write(gregor, topic, 0, 5);
    GroupOffsets.write(gregor, topic, 1, 5);
    return topic;
  }

  private static Map<Integer, Long> committed(Gregor gregor, String group, String topic) {
    Map<Integer, Long> committed = new HashMap<>();
    gregor.groups().describe(group).offsets().stream()
        .filter(o -> o.topic().equals(topic) && o.committedOffset() >= 0)
        .forEach(o -> committed.put(o.partition(), o.committedOffset()));
    return committed;
  }

  private static KafkaConsumer<byte[], byte[]> joined(EmbeddedKafka kafka, String group, String topic) {
    Map<String, Object> config = new HashMap<>(kafka.clientConfig());
    config.put("group.id", group);
    config.put("enable.auto.commit", false);
    KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    consumer.subscribe(List.of(topic));
    await().atMost(Duration.ofSeconds(30)).pollInSameThread().until(() -> {
      consumer.poll(Duration.ofMillis(100));
      return !consumer.assignment().isEmpty();
    });
    return consumer;
  }

  private static String groupId() {
    return "reset-plan-test-" + UUID.randomUUID();
  }
}
