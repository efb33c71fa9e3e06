package dev.gregor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gregor.client.Message;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gregor produce}: lines in, messages out, counts and problems on standard error only. */
@EmbeddedKafkaTest
class ProduceCommandTest {
  @TempDir
  Path tempDir;

  @Test
  void eachLineOfStandardInputBecomesOneMessageInOrder(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);

    Cli.Result result = Cli.runWithInput("hello Kafka\nsecond line\n\nlast", Cli.against(kafka.bootstrapServers(), "produce", topic));

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(Topics.values(kafka, topic)).containsExactly("hello Kafka", "second line", "", "last");
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).isEqualTo("4 delivered to " + topic + ", 0 failed" + System.lineSeparator());
  }

  @Test
  void aMistypedNewTopicIsProducedToWithANoteNamingTheCloseOne(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);
    String typo = TopicsCommandTest.mistyped(topic);

    Cli.Result result = Cli.runWithInput("hello\n", Cli.against(kafka.bootstrapServers(), "produce", typo));

    assertThat(result.exitCode()).as(result.err()).isZero(); // the broker creates topics on first write
    assertThat(result.err()).contains("gregor produce: topic '" + typo + "' does not exist; did you mean '" + topic + "'?",
        "auto.create.topics.enable", "1 delivered to " + typo);
  }

  @Test
  void aFileIsReadInsteadOfStandardInput(EmbeddedKafka kafka, TestTopics topics) throws Exception {
    String topic = topics.create(1);
    Path file = Files.writeString(tempDir.resolve("lines.txt"), "from a file\nümlauts survive\n");

    Cli.Result result = Cli.run(Cli.against(kafka.bootstrapServers(), "produce", topic, "--file", file.toString()));

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(Topics.values(kafka, topic)).containsExactly("from a file", "ümlauts survive");
  }

  @Test
  void keySeparatorSplitsEachLineIntoKeyAndValue(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);

    Cli.Result result = Cli.runWithInput("user-1:signed up\nuser-2:a:b", Cli.against(kafka.bootstrapServers(), "produce", topic,
        "--key-separator", ":"));

    assertThat(result.exitCode()).as(result.err()).isZero();
    List<Message> messages = Topics.read(kafka, topic);
    assertThat(messages).extracting(Message::keyAsString).containsExactly("user-1", "user-2");
    assertThat(messages).extracting(Message::valueAsString).containsExactly("signed up", "a:b");
  }

  @Test
  void keyPartitionAndHeadersApplyToEveryMessage(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(3);

    Cli.Result result = Cli.runWithInput("a\nb", Cli.against(kafka.bootstrapServers(), "produce", topic,
        "--key", "k", "--partition", "2", "--header", "source=cli", "-H", "trace=42", "--acks", "leader", "--compression", "lz4"));

    assertThat(result.exitCode()).as(result.err()).isZero();
    List<Message> messages = Topics.read(kafka, topic);
    assertThat(messages).hasSize(2).allSatisfy(message -> {
      assertThat(message.partition()).isEqualTo(2);
      assertThat(message.keyAsString()).isEqualTo("k");
      assertThat(message.header("source")).isEqualTo("cli");
      assertThat(message.header("trace")).isEqualTo("42");
    });
  }

  @Test
  void jsonLinesCarryKeyValueHeadersPartitionAndTimestamp(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(2);
    String input = String.join("\n",
        "{\"key\":\"k1\",\"value\":\"plain text\",\"headers\":{\"h\":\"x\"},\"partition\":1,\"timestamp\":1714564800000}",
        "",
        "{\"value\":{\"total\":9.5},\"timestamp\":\"2024-05-01T12:00:00Z\",\"partition\":1}");

    Cli.Result result = Cli.runWithInput(input, Cli.against(kafka.bootstrapServers(), "produce", topic, "--json"));

    assertThat(result.exitCode()).as(result.err()).isZero();
    List<Message> messages = Topics.read(kafka, topic);
    assertThat(messages).hasSize(2);
    assertThat(messages.get(0).keyAsString()).isEqualTo("k1");
    assertThat(messages.get(0).valueAsString()).isEqualTo("plain text");
    assertThat(messages.get(0).header("h")).isEqualTo("x");
    assertThat(messages.get(0).partition()).isEqualTo(1);
    assertThat(messages.get(0).timestamp()).isEqualTo(Instant.ofEpochMilli(1714564800000L));
    assertThat(messages.get(1).valueAsString()).isEqualTo("{\"total\":9.5}");
    assertThat(messages.get(1).timestamp()).isEqualTo(Instant.parse("2024-05-01T12:00:00Z"));
  }

  @Test
  void aBadJsonLineStopsThereByDefaultNamingItsLineNumber(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);

    Cli.Result result = Cli.runWithInput("{\"value\":\"one\"}\n{\"value\": oops}\n{\"value\":\"three\"}",
        Cli.against(kafka.bootstrapServers(), "produce", topic, "--json"));

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.err()).contains("gregor produce: line 2: not JSON", "1 delivered", "1 bad line");
    assertThat(Topics.values(kafka, topic)).containsExactly("one");
    Cli.assertNoStackTrace(result);
  }

  @Test
  void onErrorSkipReportsEachBadLineAndSendsTheRest(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);

    Cli.Result result = Cli.runWithInput("[1]\n{\"value\":\"two\"}\n{\"valu\":\"x\"}\n{\"value\":\"four\"}",
        Cli.against(kafka.bootstrapServers(), "produce", topic, "--json", "--on-error", "skip"));

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.err()).contains("line 1: expected a JSON object", "line 3: unknown field 'valu'",
        "2 delivered to " + topic + ", 0 failed, 2 bad lines skipped");
    assertThat(Topics.values(kafka, topic)).containsExactly("two", "four");
  }

  @Test
  void aLineWithoutTheKeySeparatorIsABadLine(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);

    Cli.Result result = Cli.runWithInput("k:v\nno separator", Cli.against(kafka.bootstrapServers(), "produce", topic, "-K", ":"));

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.err()).contains("line 2: no key separator ':'");
  }

  @Test
  void aPartitionThatDoesNotExistFailsTheDeliveryWithExitTwo(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);

    Cli.Result result = Cli.runWithInput("a\nb", Cli.against(kafka.bootstrapServers(), "produce", topic, "--partition", "5"));

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("lines 1-2 not delivered", "0 delivered", "2 failed");
    Cli.assertNoStackTrace(result);
  }

  @Test
  void idempotenceWithoutAcksAllIsAUsageError() {
    Cli.Result result = Cli.run("produce", "t", "--idempotent", "--acks", "1");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("--idempotent needs --acks all, but --acks is leader");
  }

  @Test
  void progressShowsTheRateOnStandardErrorWhenAskedFor(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);

    Cli.Result result = Cli.runWithInput("a\nb\nc", Cli.against(kafka.bootstrapServers(), "produce", topic, "--progress"));

    assertThat(result.exitCode()).isZero();
    assertThat(result.err()).contains("msg/s", "\r", "3 delivered");
    assertThat(result.out()).isEmpty();
  }
}
