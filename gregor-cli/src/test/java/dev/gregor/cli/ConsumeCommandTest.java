package dev.gregor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gregor.client.Gregor;
import dev.gregor.client.PendingMessage;
import dev.gregor.client.Produce;
import dev.gregor.client.TransactionalProducer;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code gregor consume}: where it starts, when it stops, and how it prints. */
@EmbeddedKafkaTest
class ConsumeCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NL = System.lineSeparator();

  @Test
  void fromBeginningPrintsEveryValueAndExitStopsAtTheEnd(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);
    writeValues(kafka, topic, 0, "a", "b", "c");

    Cli.Result result = Cli.run(Cli.against(kafka.bootstrapServers(), "consume", topic, "--from-beginning", "--exit"));

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("a" + NL + "b" + NL + "c" + NL);
    assertThat(result.err()).isEqualTo("3 messages" + NL);
  }

  @Test
  void withoutFromBeginningOnlyMessagesWrittenAfterTheStartArePrinted(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);
    writeValues(kafka, topic, 0, "old");

    Cli.Background consumer = new Cli.Background(Cli.against(kafka.bootstrapServers(), "consume", topic, "--count", "1"));
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers())) {
      // Until the consumer has found the end, a new message may land before it; so keep writing.
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
        gregor.deliverMessage(topic, "new");
        return !consumer.running();
      });
    }

    Cli.Result result = consumer.awaitExit();
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("new" + NL);
  }

  @Test
  void countStopsAfterThatManyMessages(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(3);
    for (int p = 0; p < 3; p++) {
      writeValues(kafka, topic, p, "x", "y");
    }

    Cli.Result result = Cli.run(Cli.against(kafka.bootstrapServers(), "consume", topic, "--from-beginning", "--count", "4"));

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.lines()).hasSize(4);
  }

  @Test
  void severalTopicsAreReadTogether(EmbeddedKafka kafka, TestTopics topics) {
    String first = topics.create(1);
    String second = topics.create(1);
    writeValues(kafka, first, 0, "one");
    writeValues(kafka, second, 0, "two");

    Cli.Result result = Cli.run(Cli.against(kafka.bootstrapServers(), "consume", first, second, "--from-beginning", "--exit"));

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.lines()).containsExactlyInAnyOrder("one", "two");
  }

  @Test
  void offsetNStartsThereAndMinusNReadsTheLastN(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);
    writeValues(kafka, topic, 0, "m0", "m1", "m2", "m3", "m4");

    Cli.Result fromTwo = Cli.run(Cli.against(kafka.bootstrapServers(), "consume", topic, "--offset", "2", "--exit"));
    Cli.Result lastTwo = Cli.run(Cli.against(kafka.bootstrapServers(), "consume", topic, "--offset", "-2", "--exit"));

    assertThat(fromTwo.lines()).as(fromTwo.err()).containsExactly("m2", "m3", "m4");
    assertThat(lastTwo.lines()).as(lastTwo.err()).containsExactly("m3", "m4");
  }

  @Test
  void offsetAtTimeStartsAtTheFirstMessageAtOrAfterIt(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);
    Topics.write(kafka, List.of(
        PendingMessage.of(topic, "january", Produce.partition(0).createTime(Instant.parse("2024-01-15T00:00:00Z"))),
        PendingMessage.of(topic, "march", Produce.partition(0).createTime(Instant.parse("2024-03-15T00:00:00Z")))));

    Cli.Result result = Cli.run(Cli.against(kafka.bootstrapServers(), "consume", topic, "--offset", "@2024-02-01T00:00:00Z", "--exit"));

    assertThat(result.lines()).as(result.err()).containsExactly("march");
  }

  @Test
  void partitionReadsOnlyThosePartitions(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(3);
    writeValues(kafka, topic, 0, "zero");
    writeValues(kafka, topic, 1, "one");
    writeValues(kafka, topic, 2, "two");

    Cli.Result result = Cli.run(Cli.against(kafka.bootstrapServers(), "consume", topic, "--partition", "0,2",
        "--from-beginning", "--exit"));

    assertThat(result.lines()).as(result.err()).containsExactlyInAnyOrder("zero", "two");
  }

  @Test
  void aPartitionThatDoesNotExistExitsTwoSayingHowManyThereAre(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(2);

    Cli.Result result = Cli.run(Cli.against(kafka.bootstrapServers(), "consume", topic, "--partition", "7", "--exit"));

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("Partition 7 of topic '" + topic + "' does not exist: it has 2 partitions");
    Cli.assertNoStackTrace(result);
  }

  @Test
  void formatPrintsKcatPlaceholders(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(2);
    Topics.write(kafka, List.of(PendingMessage.of(topic, "v", Produce.key("k").withPartition(1).header("h", "x")
        .createTime(Instant.ofEpochMilli(1714564800000L)))));

    Cli.Result result = Cli.run(Cli.against(kafka.bootstrapServers(), "consume", topic, "--from-beginning", "--exit",
        "--format", "%t|%p|%o|%k|%s|%h|%T|%K|%S|%%\\n"));

    assertThat(result.out()).as(result.err()).isEqualTo(topic + "|1|0|k|v|h=x|1714564800000|1|1|%\n");
  }

  @Test
  void anUnknownFormatPlaceholderIsAUsageError() {
    Cli.Result result = Cli.run("consume", "t", "--format", "%q");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("'%q'", "%t %p %o %k %s %h %T");
  }

  @Test
  void jsonOutputIsOneParsableObjectPerMessage(EmbeddedKafka kafka, TestTopics topics) throws Exception {
    String topic = topics.create(1);
    Topics.write(kafka, List.of(
        PendingMessage.of(topic, "v1", Produce.key("k1").withPartition(0).header("h", "x")),
        new PendingMessage(topic, null, Produce.partition(0))));

    Cli.Result result = Cli.run(Cli.against(kafka.bootstrapServers(), "consume", topic, "--from-beginning", "--exit",
        "--output", "json"));

    assertThat(result.lines()).as(result.err()).hasSize(2);
    JsonNode first = JSON.readTree(result.lines().get(0));
    assertThat(first.get("topic").asText()).isEqualTo(topic);
    assertThat(first.get("partition").asInt()).isZero();
    assertThat(first.get("offset").asLong()).isZero();
    assertThat(first.get("key").asText()).isEqualTo("k1");
    assertThat(first.get("value").asText()).isEqualTo("v1");
    assertThat(first.get("headers").get("h").asText()).isEqualTo("x");
    assertThat(first.get("timestamp").isIntegralNumber()).isTrue();
    JsonNode tombstone = JSON.readTree(result.lines().get(1));
    assertThat(tombstone.get("value").isNull()).isTrue();
    assertThat(tombstone.get("key").isNull()).isTrue();
  }

  @Test
  void aGroupCommitsWhatItPrintedAndTheNextRunContinuesAfterIt(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);
    String group = topics.next();
    writeValues(kafka, topic, 0, "m0", "m1", "m2", "m3", "m4");

    Cli.Result first = Cli.run(Cli.against(kafka.bootstrapServers(), "consume", topic, "--group", group, "--from-beginning",
        "--count", "2"));
    Cli.Result second = Cli.run(Cli.against(kafka.bootstrapServers(), "consume", topic, "--group", group, "--from-beginning",
        "--count", "2"));

    assertThat(first.lines()).as(first.err()).containsExactly("m0", "m1");
    assertThat(second.lines()).as(second.err()).containsExactly("m2", "m3");
  }

  @Test
  void readCommittedSkipsAbortedTransactions(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers());
        TransactionalProducer producer = gregor.transactionalProducer(topics.next())) {
      assertThatThrownBy(() -> producer.inTransaction(tx -> {
        tx.produce(topic, "aborted", Produce.partition(0)).join();
        throw new IllegalStateException("abort on purpose");
      })).hasMessageContaining("abort on purpose");
      producer.inTransaction(tx -> tx.produce(topic, "committed", Produce.partition(0)));
    }

    Cli.Result committed = Cli.run(Cli.against(kafka.bootstrapServers(), "consume", topic, "--from-beginning", "--exit",
        "--isolation", "read_committed"));
    Cli.Result everything = Cli.run(Cli.against(kafka.bootstrapServers(), "consume", topic, "--from-beginning", "--exit"));

    assertThat(committed.lines()).as(committed.err()).containsExactly("committed");
    assertThat(everything.lines()).as(everything.err()).containsExactly("aborted", "committed");
  }

  @Test
  void timeoutExitsWhenNothingArrives(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);

    Cli.Result result = Cli.run(Cli.against(kafka.bootstrapServers(), "consume", topic, "--timeout", "1s"));

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).contains("0 messages (no message for 1s)");
  }

  @Test
  void anUnknownTopicExitsTwoNamingIt(EmbeddedKafka kafka, TestTopics topics) {
    String missing = topics.next();

    Cli.Result result = Cli.run(Cli.against(kafka.bootstrapServers(), "consume", missing, "--from-beginning"));

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("gregor consume:", "'" + missing + "'", "does not exist");
    assertThat(result.out()).isEmpty();
    Cli.assertNoStackTrace(result);
  }

  @Test
  void anUnknownTopicSuggestsTheCloseNamesThatExist(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);

    Cli.Result result = Cli.run(Cli.against(kafka.bootstrapServers(), "consume", topic + "x", "--from-beginning"));

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("gregor consume: Topic '" + topic + "x' does not exist; did you mean '" + topic + "'");
  }

  @Test
  void aGroupWithExitStopsAtTheEndOfEveryAssignedPartitionAndTheNextRunContinues(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(2); // partition 1 stays empty: its end is offset 0
    String group = topics.next();
    writeValues(kafka, topic, 0, "m0", "m1", "m2");

    Cli.Result first = Cli.run(Cli.against(kafka.bootstrapServers(), "consume", topic, "--group", group, "--from-beginning", "--exit"));
    writeValues(kafka, topic, 0, "m3");
    Cli.Result second = Cli.run(Cli.against(kafka.bootstrapServers(), "consume", topic, "--group", group, "--exit"));
    Cli.Result third = Cli.run(Cli.against(kafka.bootstrapServers(), "consume", topic, "--group", group, "--exit"));

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.lines()).containsExactly("m0", "m1", "m2");
    assertThat(second.lines()).as(second.err()).containsExactly("m3");
    assertThat(third.exitCode()).as(third.err()).isZero();
    assertThat(third.out()).isEmpty();
  }

  @Test
  void consumedLinesPipedIntoProduceCopyTheTopic(EmbeddedKafka kafka, TestTopics topics) {
    String source = topics.create(1);
    String copy = topics.create(1);
    writeValues(kafka, source, 0, "one", "two", "three", "four");

    Cli.Result consumed = Cli.run(Cli.against(kafka.bootstrapServers(), "consume", source, "--from-beginning", "--count", "3"));
    Cli.Result produced = Cli.runWithInput(consumed.out(), Cli.against(kafka.bootstrapServers(), "produce", copy));

    assertThat(produced.exitCode()).as(produced.err()).isZero();
    assertThat(Topics.values(kafka, copy)).containsExactly("one", "two", "three");
  }

  @Test
  void jsonLinesPipedIntoProduceJsonKeepKeysHeadersAndTimestamps(EmbeddedKafka kafka, TestTopics topics) {
    String source = topics.create(1);
    String copy = topics.create(1);
    Instant time = Instant.parse("2024-05-01T12:00:00Z");
    Topics.write(kafka, List.of(PendingMessage.of(source, "v", Produce.key("k").withPartition(0).header("h", "x").createTime(time))));

    Cli.Result consumed = Cli.run(Cli.against(kafka.bootstrapServers(), "consume", source, "--from-beginning", "--exit",
        "--output", "json"));
    Cli.Result produced = Cli.runWithInput(consumed.out(), Cli.against(kafka.bootstrapServers(), "produce", copy, "--json"));

    assertThat(produced.exitCode()).as(produced.err()).isZero();
    var message = Topics.read(kafka, copy).get(0);
    assertThat(message.keyAsString()).isEqualTo("k");
    assertThat(message.valueAsString()).isEqualTo("v");
    assertThat(message.header("h")).isEqualTo("x");
    assertThat(message.timestamp()).isEqualTo(time);
  }

  private static void writeValues(EmbeddedKafka kafka, String topic, int partition, String... values) {
    List<PendingMessage> messages = new ArrayList<>();
    for (String value : values) {
      messages.add(PendingMessage.of(topic, value, Produce.partition(partition)));
    }
    Topics.write(kafka, messages);
  }
}
