package dev.gregor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gregor.client.Gregor;
import dev.gregor.client.PendingMessage;
import dev.gregor.client.Produce;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code gregor cluster} and {@code gregor offsets}, as tables and as JSON. */
@EmbeddedKafkaTest
class ClusterAndOffsetsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void clusterShowsTheIdAndEveryBrokerWithItsAddress(EmbeddedKafka kafka) {
    Cli.Result result = Cli.run(Cli.against(kafka.bootstrapServers(), "cluster"));

    assertThat(result.exitCode()).as(result.err()).isZero();
    String port = kafka.bootstrapServers().substring(kafka.bootstrapServers().lastIndexOf(':') + 1);
    assertThat(result.lines()).first().asString().isEqualTo("cluster " + kafka.clusterId());
    assertThat(result.lines().get(1)).containsPattern("BROKER\\s+HOST\\s+PORT\\s+RACK\\s+ROLE");
    assertThat(result.lines().get(2)).containsPattern("1\\s+\\S+\\s+" + port + "\\s+-\\s+controller");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void clusterAsJsonNamesTheControllerAndBrokers(EmbeddedKafka kafka) throws Exception {
    Cli.Result result = Cli.run(Cli.against(kafka.bootstrapServers(), "cluster", "--output", "json"));

    JsonNode json = JSON.readTree(result.out());
    assertThat(json.get("clusterId").asText()).isEqualTo(kafka.clusterId());
    assertThat(json.get("controller").asInt()).isEqualTo(1);
    assertThat(json.get("brokers")).hasSize(1);
    assertThat(json.get("brokers").get(0).get("id").asInt()).isEqualTo(1);
    JsonNode metadataVersion = json.get("features").get("metadata.version");
    assertThat(metadataVersion.get("level").asInt()).isPositive();
    assertThat(metadataVersion.get("maxSupported").asInt()).isGreaterThanOrEqualTo(metadataVersion.get("level").asInt());
  }

  @Test
  void clusterShowsTheFeatureLevelsAfterTheBrokers(EmbeddedKafka kafka) {
    Cli.Result result = Cli.run(Cli.against(kafka.bootstrapServers(), "cluster"));

    assertThat(result.lines()).anySatisfy(line -> assertThat(line).containsPattern("FEATURE\\s+LEVEL\\s+SUPPORTED"));
    assertThat(result.lines()).anySatisfy(line -> assertThat(line).containsPattern("metadata.version\\s+\\d+\\s+\\d+-\\d+"));
  }

  @Test
  void offsetsShowsEarliestLatestAndCountPerPartition(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(2);
    write(kafka, topic, 0, 3);
    write(kafka, topic, 1, 1);

    Cli.Result result = Cli.run(Cli.against(kafka.bootstrapServers(), "offsets", topic));

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.lines()).hasSize(3);
    assertThat(result.lines().get(0)).containsPattern("TOPIC\\s+PARTITION\\s+EARLIEST\\s+LATEST\\s+MESSAGES");
    assertThat(result.lines().get(1)).containsPattern(topic + "\\s+0\\s+0\\s+3\\s+3");
    assertThat(result.lines().get(2)).containsPattern(topic + "\\s+1\\s+0\\s+1\\s+1");
  }

  @Test
  void offsetsOfAMistypedTopicSuggestsTheRealOne(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);

    Cli.Result result = Cli.run(Cli.against(kafka.bootstrapServers(), "offsets", TopicsCommandTest.mistyped(topic)));

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("does not exist; did you mean '" + topic + "'");
  }

  @Test
  void offsetsAsJsonIsOneArrayOfPartitions(EmbeddedKafka kafka, TestTopics topics) throws Exception {
    String topic = topics.create(1);
    write(kafka, topic, 0, 2);

    Cli.Result result = Cli.run(Cli.against(kafka.bootstrapServers(), "offsets", topic, "--output", "json"));

    JsonNode json = JSON.readTree(result.out());
    assertThat(json).hasSize(1);
    assertThat(json.get(0).get("topic").asText()).isEqualTo(topic);
    assertThat(json.get(0).get("earliest").asLong()).isZero();
    assertThat(json.get(0).get("latest").asLong()).isEqualTo(2);
    assertThat(json.get(0).get("messages").asLong()).isEqualTo(2);
  }

  @Test
  void offsetsOfAnUnknownTopicExitsTwoNamingIt(EmbeddedKafka kafka, TestTopics topics) {
    String missing = topics.next();

    Cli.Result result = Cli.run(Cli.against(kafka.bootstrapServers(), "offsets", missing));

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("gregor offsets:", "'" + missing + "'", "does not exist");
    assertThat(result.out()).isEmpty();
    Cli.assertNoStackTrace(result);
  }

  static void write(EmbeddedKafka kafka, String topic, int partition, int count) {
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers())) {
      List<PendingMessage> messages = new java.util.ArrayList<>();
      for (int i = 0; i < count; i++) {
        messages.add(PendingMessage.of(topic, "m" + i, Produce.partition(partition)));
      }
      gregor.deliverMessages(messages);
    }
  }
}
