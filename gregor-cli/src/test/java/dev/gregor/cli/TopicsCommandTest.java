package dev.gregor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gregor.client.Gregor;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code gregor topics}: every subcommand against the broker, checked with the client rather than the CLI. */
@EmbeddedKafkaTest
class TopicsCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void createMakesATopicWithPartitionsAndConfigs(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.next();

    Cli.Result result = Cli.run(Cli.against(kafka.bootstrapServers(), "topics create", topic, "--partitions", "3",
        "--replication-factor", "1", "--topic-config", "retention.ms=3600000", "-c", "cleanup.policy=compact"));

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).contains("Created topic '" + topic + "' with 3 partitions, replication factor 1");
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers())) {
      assertThat(gregor.topics().describe(topic).partitionCount()).isEqualTo(3);
      assertThat(gregor.topics().describe(topic).overrides())
          .containsEntry("retention.ms", "3600000").containsEntry("cleanup.policy", "compact");
    }
  }

  @Test
  void createOfAnExistingTopicExitsTwoUnlessIfNotExists(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);

    Cli.Result plain = Cli.run(Cli.against(kafka.bootstrapServers(), "topics create", topic));
    Cli.Result tolerant = Cli.run(Cli.against(kafka.bootstrapServers(), "topics create", topic, "--if-not-exists"));

    assertThat(plain.exitCode()).isEqualTo(2);
    assertThat(plain.err()).contains("gregor topics create:", "'" + topic + "'", "already exists", "--if-not-exists");
    Cli.assertNoStackTrace(plain);
    assertThat(tolerant.exitCode()).as(tolerant.err()).isZero();
    assertThat(tolerant.err()).contains("exists already");
  }

  @Test
  void createDryRunChecksButCreatesNothing(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.next();

    Cli.Result result = Cli.run(Cli.against(kafka.bootstrapServers(), "topics create", topic, "-p", "2", "--dry-run"));

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.err()).contains("can be created", "nothing was created");
    assertThat(Cli.run(Cli.against(kafka.bootstrapServers(), "topics list")).lines()).doesNotContain(topic);
  }

  @Test
  void createWithAnUnknownConfigIsRefusedByTheCluster(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.next();

    Cli.Result result = Cli.run(Cli.against(kafka.bootstrapServers(), "topics create", topic, "-c", "retention.mss=1"));

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("gregor topics create:", "retention.mss");
    Cli.assertNoStackTrace(result);
  }

  @Test
  void listPrintsOneNamePerLineOrAJsonArray(EmbeddedKafka kafka, TestTopics topics) throws Exception {
    String topic = topics.create(1);

    Cli.Result table = Cli.run(Cli.against(kafka.bootstrapServers(), "topics list"));
    Cli.Result json = Cli.run(Cli.against(kafka.bootstrapServers(), "topics list", "--output", "json"));

    assertThat(table.exitCode()).as(table.err()).isZero();
    assertThat(table.lines()).contains(topic).doesNotContain("__consumer_offsets");
    assertThat(JSON.readTree(json.out()).isArray()).isTrue();
    assertThat(JSON.readTree(json.out()).toString()).contains("\"" + topic + "\"");
  }

  @Test
  void listWithInternalAlsoPrintsKafkasInternalTopics(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);
    Cli.Result group = Cli.run(Cli.against(kafka.bootstrapServers(), "groups reset-offsets", topics.next(), "--topic", topic,
        "--to-earliest", "--execute")); // a committed offset makes __consumer_offsets exist

    Cli.Result result = Cli.run(Cli.against(kafka.bootstrapServers(), "topics list", "--internal"));

    assertThat(group.exitCode()).as(group.err()).isZero();
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.lines()).contains(topic, "__consumer_offsets").isSorted();
  }

  @Test
  void describeShowsPartitionsReplicasAndTheTopicsOwnConfigs(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(2, 1, Map.of("retention.ms", "7200000"));

    Cli.Result result = Cli.run(Cli.against(kafka.bootstrapServers(), "topics describe", topic));

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.lines().get(0)).isEqualTo("topic " + topic + ": 2 partitions, replication factor 1");
    assertThat(result.lines().get(1)).containsPattern("PARTITION\\s+LEADER\\s+REPLICAS\\s+ISR");
    assertThat(result.lines().get(2)).containsPattern("0\\s+1\\s+1\\s+1");
    assertThat(result.lines().get(3)).containsPattern("1\\s+1\\s+1\\s+1");
    assertThat(result.lines().get(4)).containsPattern("CONFIG\\s+VALUE");
    assertThat(result.lines().get(5)).containsPattern("retention.ms\\s+7200000");
    assertThat(result.lines()).hasSize(6);
  }

  @Test
  void describeAsJsonHasPartitionsOverridesAndEveryConfig(EmbeddedKafka kafka, TestTopics topics) throws Exception {
    String topic = topics.create(1, 1, Map.of("retention.ms", "7200000"));

    Cli.Result result = Cli.run(Cli.against(kafka.bootstrapServers(), "topics describe", topic, "--output", "json"));

    JsonNode json = JSON.readTree(result.out()).get(0);
    assertThat(json.get("topic").asText()).isEqualTo(topic);
    assertThat(json.get("partitionCount").asInt()).isEqualTo(1);
    assertThat(json.get("replicationFactor").asInt()).isEqualTo(1);
    assertThat(json.get("partitions").get(0).get("leader").asInt()).isEqualTo(1);
    assertThat(json.get("overrides").get("retention.ms").asText()).isEqualTo("7200000");
    assertThat(json.get("configs").has("cleanup.policy")).isTrue();
  }

  @Test
  void describeOfAMistypedTopicSuggestsTheRealOne(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);
    String typo = mistyped(topic);

    Cli.Result result = Cli.run(Cli.against(kafka.bootstrapServers(), "topics describe", typo));

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("gregor topics describe:", "'" + typo + "'", "does not exist", "did you mean '" + topic + "'");
    Cli.assertNoStackTrace(result);
  }

  @Test
  void alterSetsAndUnsetsConfigsLeavingTheOthers(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1, 1, Map.of("retention.ms", "7200000", "segment.ms", "600000"));

    Cli.Result result = Cli.run(Cli.against(kafka.bootstrapServers(), "topics alter", topic,
        "--set", "cleanup.policy=compact", "--unset", "retention.ms"));

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.err()).contains("set cleanup.policy=compact", "reset retention.ms to the default");
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers())) {
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(gregor.topics().describe(topic).overrides())
          .containsEntry("cleanup.policy", "compact").containsEntry("segment.ms", "600000").doesNotContainKey("retention.ms"));
    }
  }

  @Test
  void alterWithNothingToChangeIsAUsageError() {
    Cli.Result result = Cli.run("topics", "alter", "orders");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("nothing to change", "--set NAME=VALUE", "--unset NAME");
  }

  @Test
  void addPartitionsAddsOrRaisesToATotal(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);

    Cli.Result added = Cli.run(Cli.against(kafka.bootstrapServers(), "topics add-partitions", topic, "--num", "2"));
    Cli.Result total = Cli.run(Cli.against(kafka.bootstrapServers(), "topics add-partitions", topic, "--total", "5"));

    assertThat(added.exitCode()).as(added.err()).isZero();
    assertThat(added.err()).contains("now has 3 partitions (had 1)");
    assertThat(total.err()).contains("now has 5 partitions (had 3)");
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers())) {
      assertThat(gregor.topics().describe(topic).partitionCount()).isEqualTo(5);
    }
  }

  @Test
  void addPartitionsToFewerThanNowExitsTwoNamingTheCounts(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(3);

    Cli.Result result = Cli.run(Cli.against(kafka.bootstrapServers(), "topics add-partitions", topic, "--total", "2"));

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("gregor topics add-partitions:", "'" + topic + "'");
    Cli.assertNoStackTrace(result);
  }

  @Test
  void addPartitionsNeedsExactlyOneOfNumAndTotal() {
    assertThat(Cli.run("topics", "add-partitions", "orders").exitCode()).isEqualTo(1);
    assertThat(Cli.run("topics", "add-partitions", "orders", "--num", "1", "--total", "3").exitCode()).isEqualTo(1);
  }

  @Test
  void deleteRemovesTheTopicAndIfExistsToleratesAMissingOne(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);

    Cli.Result deleted = Cli.run(Cli.against(kafka.bootstrapServers(), "topics delete", topic));
    Cli.Result tolerant = Cli.run(Cli.against(kafka.bootstrapServers(), "topics delete", topics.next(), "--if-exists"));

    assertThat(deleted.exitCode()).as(deleted.err()).isZero();
    assertThat(deleted.err()).contains("Deleted topic '" + topic + "'");
    assertThat(tolerant.exitCode()).as(tolerant.err()).isZero();
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers())) {
      await().atMost(Duration.ofSeconds(30)).until(() -> !gregor.topics().list().contains(topic));
    }
  }

  @Test
  void deleteOfAMistypedTopicExitsTwoSuggestingTheRealOne(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);

    Cli.Result result = Cli.run(Cli.against(kafka.bootstrapServers(), "topics delete", topic + "s"));

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("did you mean '" + topic + "'");
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers())) {
      assertThat(gregor.topics().list()).contains(topic);
    }
  }

  @Test
  void topicsWithoutASubcommandIsAUsageError() {
    Cli.Result result = Cli.run("topics");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("subcommand");
  }

  /** The name with its last character (a hex digit) replaced by one that no test topic name ends with. */
  static String mistyped(String name) {
    return name.substring(0, name.length() - 1) + "z";
  }
}
