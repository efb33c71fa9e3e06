package dev.gregor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gregor.client.GroupConsumer;
import dev.gregor.client.Gregor;
import dev.gregor.client.GroupDescription;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** {@code gregor groups}: list, describe, delete and reset-offsets, with the group's offsets checked by the client. */
@EmbeddedKafkaTest
class GroupsCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void listShowsAGroupWithItsStateAndType(EmbeddedKafka kafka, TestTopics topics) throws Exception {
    String topic = topics.create(1);
    String group = readAsGroup(kafka, topics, topic, 2, 1);

    Cli.Result table = Cli.run(Cli.against(kafka.bootstrapServers(), "groups list"));
    Cli.Result json = Cli.run(Cli.against(kafka.bootstrapServers(), "groups list", "--output", "json"));

    assertThat(table.exitCode()).as(table.err()).isZero();
    assertThat(table.lines().get(0)).containsPattern("GROUP\\s+STATE\\s+TYPE");
    assertThat(table.lines()).anySatisfy(line -> assertThat(line).containsPattern(group + "\\s+Empty\\s+classic"));
    assertThat(JSON.readTree(json.out()).findValuesAsText("group")).contains(group);
  }

  @Test
  void describeShowsCommittedOffsetEndAndLagPerPartition(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);
    String group = readAsGroup(kafka, topics, topic, 5, 2);

    Cli.Result result = Cli.run(Cli.against(kafka.bootstrapServers(), "groups describe", group));

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.lines().get(0)).isEqualTo("group " + group + ": Empty, classic, 0 members, lag 3");
    assertThat(result.lines().get(1)).containsPattern("TOPIC\\s+PARTITION\\s+COMMITTED\\s+END\\s+LAG\\s+MEMBER");
    assertThat(result.lines().get(2)).containsPattern(topic + "\\s+0\\s+2\\s+5\\s+3\\s+-");
  }

  @Test
  void describeAsJsonNamesMembersAndOffsets(EmbeddedKafka kafka, TestTopics topics) throws Exception {
    String topic = topics.create(1);
    String group = readAsGroup(kafka, topics, topic, 4, 1);

    Cli.Result result = Cli.run(Cli.against(kafka.bootstrapServers(), "groups describe", group, "--output", "json"));

    JsonNode json = JSON.readTree(result.out()).get(0);
    assertThat(json.get("group").asText()).isEqualTo(group);
    assertThat(json.get("totalLag").asLong()).isEqualTo(3);
    assertThat(json.get("members")).isEmpty();
    assertThat(json.get("offsets").get(0).get("committed").asLong()).isEqualTo(1);
    assertThat(json.get("offsets").get(0).get("end").asLong()).isEqualTo(4);
  }

  @Test
  void describeOfAMistypedGroupSuggestsTheRealOne(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);
    String group = readAsGroup(kafka, topics, topic, 1, 1);

    Cli.Result result = Cli.run(Cli.against(kafka.bootstrapServers(), "groups describe", TopicsCommandTest.mistyped(group)));

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("gregor groups describe:", "does not exist", "did you mean '" + group + "'");
    Cli.assertNoStackTrace(result);
  }

  @Test
  void resetDryRunPrintsThePlanAndChangesNothing(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(2);
    String group = readAsGroup(kafka, topics, topic, 4, 3);

    Cli.Result result = Cli.run(Cli.against(kafka.bootstrapServers(), "groups reset-offsets", group, "--topic", topic,
        "--to-earliest", "--dry-run"));

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.lines().get(0)).containsPattern("TOPIC\\s+PARTITION\\s+CURRENT\\s+NEW");
    assertThat(result.lines()).hasSize(3);
    assertThat(result.err()).contains("Dry run: nothing was changed");
    assertThat(committed(kafka, group)).isEqualTo(Map.of(topic + ":0", 3L));
    assertThat(String.join("\n", result.lines())).containsPattern(topic + "\\s+\\d\\s+(\\d|-)\\s+0");
  }

  @Test
  void resetToEarliestExecutesAndANewRunReadsEverythingAgain(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);
    String group = readAsGroup(kafka, topics, topic, 3, 3);

    Cli.Result reset = Cli.run(Cli.against(kafka.bootstrapServers(), "groups reset-offsets", group, "--topic", topic,
        "--to-earliest", "--execute"));
    Cli.Result again = Cli.run(Cli.against(kafka.bootstrapServers(), "consume", topic, "--group", group, "--exit"));

    assertThat(reset.exitCode()).as(reset.err()).isZero();
    assertThat(reset.lines().get(1)).containsPattern(topic + "\\s+0\\s+3\\s+0");
    assertThat(again.lines()).containsExactly("m0", "m1", "m2");
  }

  @Test
  void resetShiftByAndToOffsetAndToDatetimeMoveEachPartition(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);
    String group = readAsGroup(kafka, topics, topic, 10, 6);

    Cli.Result back = Cli.run(Cli.against(kafka.bootstrapServers(), "groups reset-offsets", group, "--topic", topic,
        "--shift-by", "-2", "--execute"));
    assertThat(back.exitCode()).as(back.err()).isZero();
    assertThat(committed(kafka, group)).containsEntry(topic + ":0", 4L);

    Cli.Result exact = Cli.run(Cli.against(kafka.bootstrapServers(), "groups reset-offsets", group, "--topic", topic + ":0",
        "--to-offset", "99", "--execute"));
    assertThat(exact.lines().get(1)).containsPattern(topic + "\\s+0\\s+4\\s+10"); // moved into the range
    assertThat(committed(kafka, group)).containsEntry(topic + ":0", 10L);

    Cli.Result time = Cli.run(Cli.against(kafka.bootstrapServers(), "groups reset-offsets", group, "--topic", topic,
        "--to-datetime", "2000-01-01T00:00:00Z", "--execute", "--output", "json"));
    assertThat(time.out()).contains("\"executed\":true", "\"current\":10", "\"new\":0");
    assertThat(committed(kafka, group)).containsEntry(topic + ":0", 0L);
  }

  @Test
  void resetOfAnActiveGroupIsRefusedUnlessForced(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);
    String group = readAsGroup(kafka, topics, topic, 3, 3);
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers())) {
      GroupConsumer member = gregor.consumer(group);
      member.subscribe(topic);
      Thread running = new Thread(() -> member.eachMessage(m -> { }), "active-member");
      running.start();
      await().atMost(Duration.ofSeconds(30)).until(() -> !gregor.groups().describe(group).isEmpty());

      Cli.Result dryRun = Cli.run(Cli.against(kafka.bootstrapServers(), "groups reset-offsets", group, "--topic", topic,
          "--to-earliest", "--dry-run"));
      Cli.Result refused = Cli.run(Cli.against(kafka.bootstrapServers(), "groups reset-offsets", group, "--topic", topic,
          "--to-earliest", "--execute"));
      assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
      assertThat(dryRun.err()).contains("Warning: --execute will be refused", "1 active member", "--force");
      assertThat(refused.exitCode()).isEqualTo(2);
      assertThat(refused.err()).contains("gregor groups reset-offsets:", "1 active member", "--force");
      Cli.assertNoStackTrace(refused);
      assertThat(committed(kafka, group)).containsEntry(topic + ":0", 3L);

      Cli.Result forced = Cli.run(Cli.against(kafka.bootstrapServers(), "groups reset-offsets", group, "--topic", topic,
          "--to-earliest", "--execute", "--force"));
      assertThat(forced.exitCode()).as(forced.err()).isZero();
      assertThat(forced.lines().get(1)).containsPattern(topic + "\\s+0\\s+3\\s+0");
      member.stop();
      await().atMost(Duration.ofSeconds(30)).until(() -> !running.isAlive());
    }
  }

  @Test
  void resetNeedsATargetAndEitherDryRunOrExecute() {
    Cli.Result noMode = Cli.run("groups", "reset-offsets", "g", "--topic", "t", "--to-earliest");
    Cli.Result noTarget = Cli.run("groups", "reset-offsets", "g", "--topic", "t", "--dry-run");
    Cli.Result twoTargets = Cli.run("groups", "reset-offsets", "g", "--topic", "t", "--to-earliest", "--to-latest", "--dry-run");

    assertThat(noMode.exitCode()).isEqualTo(1);
    assertThat(noMode.err()).contains("--dry-run", "--execute");
    assertThat(noTarget.exitCode()).isEqualTo(1);
    assertThat(noTarget.err()).contains("--to-earliest");
    assertThat(twoTargets.exitCode()).isEqualTo(1);
  }

  @Test
  void resetOnAMistypedTopicSuggestsTheRealOne(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);

    Cli.Result result = Cli.run(Cli.against(kafka.bootstrapServers(), "groups reset-offsets", topics.next(), "--topic",
        TopicsCommandTest.mistyped(topic), "--to-latest", "--dry-run"));

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("did you mean '" + topic + "'");
  }

  @Test
  void deleteOfAGroupWithMembersIsRefusedAndOfAnEmptyOneDeletesIt(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);
    String group = readAsGroup(kafka, topics, topic, 1, 1);
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers())) {
      GroupConsumer member = gregor.consumer(group);
      member.subscribe(topic);
      Thread running = new Thread(() -> member.eachMessage(m -> { }), "active-member");
      running.start();
      await().atMost(Duration.ofSeconds(30)).until(() -> !gregor.groups().describe(group).isEmpty());

      Cli.Result refused = Cli.run(Cli.against(kafka.bootstrapServers(), "groups delete", group));
      assertThat(refused.exitCode()).isEqualTo(2);
      assertThat(refused.err()).contains("gregor groups delete:", "'" + group + "'", "members");
      Cli.assertNoStackTrace(refused);

      member.stop();
      await().atMost(Duration.ofSeconds(30)).until(() -> !running.isAlive());
      await().atMost(Duration.ofSeconds(30)).until(() -> gregor.groups().describe(group).isEmpty());
      Cli.Result deleted = Cli.run(Cli.against(kafka.bootstrapServers(), "groups delete", group));
      Cli.Result again = Cli.run(Cli.against(kafka.bootstrapServers(), "groups delete", group, "--if-exists"));
      assertThat(deleted.exitCode()).as(deleted.err()).isZero();
      assertThat(deleted.err()).contains("Deleted consumer group '" + group + "'");
      assertThat(again.exitCode()).as(again.err()).isZero();
      assertThat(again.err()).contains("does not exist");
    }
  }

  /** Writes {@code messages} to partition 0 and has a new group read and commit the first {@code read}. */
  private static String readAsGroup(EmbeddedKafka kafka, TestTopics topics, String topic, int messages, int read) {
    ClusterAndOffsetsTest.write(kafka, topic, 0, messages);
    String group = topics.next();
    Cli.Result consumed = Cli.run(Cli.against(kafka.bootstrapServers(), "consume", topic, "--group", group,
        "--from-beginning", "--count", String.valueOf(read)));
    assertThat(consumed.exitCode()).as(consumed.err()).isZero();
    return group;
  }

  private static Map<String, Long> committed(EmbeddedKafka kafka, String group) {
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers())) {
      Map<String, Long> offsets = new TreeMap<>();
      for (GroupDescription.PartitionOffset p : gregor.groups().describe(group).offsets()) {
        offsets.put(p.topic() + ":" + p.partition(), p.committedOffset());
      }
      return offsets;
    }
  }
}
