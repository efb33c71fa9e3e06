package dev.gregor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

// kcat -p N -o OFFSET: the group-less eachMessage over chosen partitions from chosen offsets, on one consumer.
@EmbeddedKafkaTest
@ExtendWith(ConnectedClient.class)
class PartitionReadingTest {
  @Test
  void fromOffsetsReadsOnlyTheGivenPartitionsEachFromItsOwnOffset(Gregor gregor, TestTopics topics) {
    String topic = topics.create(3);
    IntStream.range(0, 3).forEach(p -> write(gregor, topic, p, 5));
    List<String> seen = new CopyOnWriteArrayList<>();

    gregor.eachMessage(topic, Consume.fromOffsets(Map.of(0, Offset.at(3), 2, Offset.EARLIEST)).exitAtEnd(),
        message -> seen.add(message.partition() + "@" + message.offset()));

    assertThat(seen).containsExactlyInAnyOrder("0@3", "0@4", "2@0", "2@1", "2@2", "2@3", "2@4");
  }

  @Test
  void partitionsLimitsAReadFromTheBeginningToThosePartitions(Gregor gregor, TestTopics topics) {
    String topic = topics.create(3);
    IntStream.range(0, 3).forEach(p -> write(gregor, topic, p, 2));
    List<Integer> seen = new CopyOnWriteArrayList<>();

    gregor.eachMessage(topic, Consume.fromBeginning().partitions(1).exitAtEnd(), message -> seen.add(message.partition()));

    assertThat(seen).containsExactly(1, 1);
  }

  @Test
  void anOffsetOutsideThePartitionIsRefusedNamingItsRange(Gregor gregor, TestTopics topics) {
    String topic = topics.create(1);
    write(gregor, topic, 0, 3);

    assertThatThrownBy(() -> gregor.eachMessage(topic, Consume.fromOffsets(Map.of(0, Offset.at(7))), message -> { }))
        .isInstanceOf(OffsetOutOfRange.class)
        .hasMessageContaining("Offset 7 of topic '" + topic + "' partition 0 is out of range: the partition holds offsets 0 to 3");
  }

  @Test
  void aPartitionThatDoesNotExistIsNamed(Gregor gregor, TestTopics topics) {
    String topic = topics.create(2);

    assertThatThrownBy(() -> gregor.eachMessage(topic, Consume.fromBeginning().partitions(0, 5), message -> { }))
        .isInstanceOf(UnknownTopic.class)
        .hasMessageContaining("Partition 5 of topic '" + topic + "' does not exist: it has 2 partitions");
  }

  @Test
  void optionsThatContradictEachOtherAreRefusedWhenBuilt() {
    assertThatThrownBy(() -> Consume.fromOffsets(Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one partition");
    assertThatThrownBy(() -> Consume.fromOffsets(Map.of(0, Offset.EARLIEST)).partitions(1))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("fromOffsets");
    assertThatThrownBy(() -> Consume.fromBeginning().partitions(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
  }

  private static void write(Gregor gregor, String topic, int partition, int count) {
    gregor.deliverMessages(IntStream.range(0, count)
        .mapToObj(i -> PendingMessage.of(topic, "p" + partition + "-" + i, Produce.partition(partition)))
        .collect(Collectors.toList()));
  }
}
