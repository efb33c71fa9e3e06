package dev.gregor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gregor.client.Gregor;
import dev.gregor.client.GroupDescription;
import dev.gregor.client.OffsetReset;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** {@code gregor groups reset-offsets} with per-partition targets, and its dry run showing the client's plan. */
@EmbeddedKafkaTest
class GroupsResetOffsetsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void toOffsetPerPartitionGivesEachPartitionItsOwnOffset(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topicWithFivePerPartition(kafka, topics);
    String group = topics.next();

    Cli.Result result = Cli.run(Cli.against(kafka.bootstrapServers(), "groups reset-offsets", group, "--topic", topic,
        "--to-offset", "0=1,1=99", "--execute"));

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.lines().get(1)).containsPattern(topic + "\\s+0\\s+-\\s+1");
    assertThat(result.lines().get(2)).containsPattern(topic + "\\s+1\\s+-\\s+5"); // moved into the range
    assertThat(committed(kafka, group)).isEqualTo(Map.of(topic + ":0", 1L, topic + ":1", 5L));
  }

  @Test
  void shiftByDryRunPrintsThePlanPerPartitionAndChangesNothing(EmbeddedKafka kafka, TestTopics topics) throws Exception {
    String topic = topicWithFivePerPartition(kafka, topics);
    String group = committedAt(kafka, topics, topic, Map.of(0, 3L, 1, 1L));

    Cli.Result result = Cli.run(Cli.against(kafka.bootstrapServers(), "groups reset-offsets", group, "--topic", topic,
        "--shift-by", "-2", "--dry-run", "--output", "json"));

    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonNode partitions = JSON.readTree(result.out()).get("partitions");
    assertThat(partitions).hasSize(2);
    assertThat(partitions.get(0).get("current").asLong()).isEqualTo(3);
    assertThat(partitions.get(0).get("new").asLong()).isEqualTo(1);
    assertThat(partitions.get(1).get("current").asLong()).isEqualTo(1);
    assertThat(partitions.get(1).get("new").asLong()).isZero(); // clamped to the earliest offset
    assertThat(committed(kafka, group)).isEqualTo(Map.of(topic + ":0", 3L, topic + ":1", 1L));
  }

  @Test
  void shiftOfAPartitionWithoutCommittedOffsetNamesItAndMovesNoPartition(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topicWithFivePerPartition(kafka, topics);
    String group = committedAt(kafka, topics, topic, Map.of(0, 2L));

    Cli.Result result = Cli.run(Cli.against(kafka.bootstrapServers(), "groups reset-offsets", group, "--topic", topic,
        "--shift-by", "1", "--execute"));

    assertThat(result.exitCode()).isNotZero();
    assertThat(result.err()).contains("no committed offset on partition 1 of topic '" + topic + "'");
    Cli.assertNoStackTrace(result);
    assertThat(committed(kafka, group)).containsEntry(topic + ":0", 2L);
  }

  @Test
  void toOffsetPerPartitionRefusesBadPairsAndASecondPartitionList(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topicWithFivePerPartition(kafka, topics);

    Cli.Result notANumber = Cli.run(Cli.against(kafka.bootstrapServers(), "groups reset-offsets", "g", "--topic", topic,
        "--to-offset", "0=x", "--dry-run"));
    Cli.Result twice = Cli.run(Cli.against(kafka.bootstrapServers(), "groups reset-offsets", "g", "--topic", topic + ":0",
        "--to-offset", "0=1", "--dry-run"));
    Cli.Result twoTopics = Cli.run(Cli.against(kafka.bootstrapServers(), "groups reset-offsets", "g", "--topic", topic,
        "--topic", topic, "--to-offset", "0=1", "--dry-run"));

    assertThat(notANumber.exitCode()).isEqualTo(1);
    assertThat(notANumber.err()).contains("--to-offset", "'x' in '0=x' is not an offset");
    assertThat(twice.exitCode()).isEqualTo(1);
    assertThat(twice.err()).contains("--to-offset P=N names the partitions");
    assertThat(twoTopics.exitCode()).isEqualTo(1);
    assertThat(twoTopics.err()).contains("one --topic");
  }

  @Test
  void aShareGroupResetMovesItsStartOffsets(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topicWithFivePerPartition(kafka, topics);
    String group = topics.next();
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers())) {
      gregor.groups().resetShareOffsets(group, topic, OffsetReset.toLatest()); // a share group with nothing due

      Cli.Result result = Cli.run(Cli.against(kafka.bootstrapServers(), "groups reset-offsets", group, "--topic",
          topic + ":1", "--to-offset", "2", "--execute"));

      assertThat(result.exitCode()).as(result.err()).isZero();
      assertThat(result.lines().get(1)).containsPattern(topic + "\\s+1\\s+5\\s+2");
      assertThat(result.err()).contains("Reset the offsets of share group '" + group + "'");
      assertThat(gregor.groups().describeShare(group).offsets()).extracting(GroupDescription.PartitionOffset::lag)
          .containsExactly(0L, 3L);
    }
  }

  private static String topicWithFivePerPartition(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(2);
    ClusterAndOffsetsTest.write(kafka, topic, 0, 5);
    ClusterAndOffsetsTest.write(kafka, topic, 1, 5);
    return topic;
  }

  private static String committedAt(EmbeddedKafka kafka, TestTopics topics, String topic, Map<Integer, Long> offsets) {
    String group = topics.next();
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers())) {
      gregor.groups().resetOffsets(group, topic, OffsetReset.toOffsets(offsets));
    }
    return group;
  }

  private static Map<String, Long> committed(EmbeddedKafka kafka, String group) {
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers())) {
      Map<String, Long> offsets = new TreeMap<>();
      for (GroupDescription.PartitionOffset p : gregor.groups().describe(group).offsets()) {
        if (p.committedOffset() >= 0) {
          offsets.put(p.topic() + ":" + p.partition(), p.committedOffset());
        }
      }
      return offsets;
    }
  }
}
