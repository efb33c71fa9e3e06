package dev.gregor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gregor.client.Message;
import dev.gregor.client.PendingMessage;
import dev.gregor.client.Produce;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Kafka headers are an ordered list in which names repeat: every one is sent and printed, in order. */
@EmbeddedKafkaTest
class RepeatedHeadersTest {
  @Test
  void everyHeaderOptionIsSentInOrderEvenWithOneName(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);

    Cli.Result result = Cli.runWithInput("v\n", Cli.against(kafka.bootstrapServers(), "produce", topic,
        "-H", "tag=one", "-H", "other=x", "-H", "tag=two"));

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(headers(Topics.read(kafka, topic).get(0))).containsExactly("tag=one", "other=x", "tag=two");
  }

  @Test
  void jsonLinesTakeHeadersAsPairsAsKeyValueObjectsOrAsAnObjectWithArrays(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);
    String input = String.join("\n",
        "{\"value\":\"pairs\",\"headers\":[[\"tag\",\"one\"],[\"other\",\"x\"],[\"tag\",\"two\"]]}",
        "{\"value\":\"objects\",\"headers\":[{\"key\":\"tag\",\"value\":\"one\"},{\"key\":\"tag\",\"value\":\"two\"}]}",
        "{\"value\":\"kafkajs\",\"headers\":{\"tag\":[\"one\",\"two\"],\"other\":\"x\"}}");

    Cli.Result result = Cli.runWithInput(input, Cli.against(kafka.bootstrapServers(), "produce", topic, "--json"));

    assertThat(result.exitCode()).as(result.err()).isZero();
    List<Message> messages = Topics.read(kafka, topic);
    assertThat(headers(messages.get(0))).containsExactly("tag=one", "other=x", "tag=two");
    assertThat(headers(messages.get(1))).containsExactly("tag=one", "tag=two");
    assertThat(headers(messages.get(2))).containsExactly("tag=one", "tag=two", "other=x");
  }

  @Test
  void formatPrintsEveryHeaderInOrder(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);
    Topics.write(kafka, List.of(PendingMessage.of(topic, "v", Produce.options().header("tag", "one").header("tag", "two"))));

    Cli.Result result = Cli.run(Cli.against(kafka.bootstrapServers(), "consume", topic, "--from-beginning", "--exit",
        "--format", "%h\\n"));

    assertThat(result.out()).as(result.err()).isEqualTo("tag=one,tag=two\n");
  }

  @Test
  void jsonOutputListsRepeatedHeadersAsPairsAndProduceJsonReadsThemBack(EmbeddedKafka kafka, TestTopics topics)
      throws Exception {
    String source = topics.create(1);
    String copy = topics.create(1);
    Topics.write(kafka, List.of(
        PendingMessage.of(source, "repeated", Produce.options().header("tag", "one").header("other", "x").header("tag", "two")),
        PendingMessage.of(source, "unique", Produce.options().header("source", "web"))));

    Cli.Result consumed = Cli.run(Cli.against(kafka.bootstrapServers(), "consume", source, "--from-beginning", "--exit",
        "--output", "json"));
    Cli.Result produced = Cli.runWithInput(consumed.out(), Cli.against(kafka.bootstrapServers(), "produce", copy, "--json"));

    List<JsonNode> lines = consumed.lines().stream().map(RepeatedHeadersTest::json).toList();
    assertThat(lines.get(0).get("headers").toString()).isEqualTo("[[\"tag\",\"one\"],[\"other\",\"x\"],[\"tag\",\"two\"]]");
    assertThat(lines.get(1).get("headers").toString()).isEqualTo("{\"source\":\"web\"}");
    assertThat(produced.exitCode()).as(produced.err()).isZero();
    assertThat(headers(Topics.read(kafka, copy).get(0))).containsExactly("tag=one", "other=x", "tag=two");
  }

  static List<String> headers(Message message) {
    return message.headers().stream()
        .map(h -> h.name() + "=" + new String(h.value(), StandardCharsets.UTF_8)).toList();
  }

  private static JsonNode json(String line) {
    try {
      return new ObjectMapper().readTree(line);
    } catch (Exception e) {
      throw new AssertionError(line, e);
    }
  }
}
