package dev.gregor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gregor.client.Message;
import dev.gregor.client.Partitioner;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@code produce --partitioner} with librdkafka's names: keys land where librdkafka-based clients put them. */
@EmbeddedKafkaTest
class PartitionerOptionTest {
  private static final int PARTITIONS = 8;
  private static final List<String> KEYS = IntStream.range(0, 40).mapToObj(i -> "customer-" + i).toList();

  @Test
  void consistentPutsEachKeyWhereCrc32PutsIt(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(PARTITIONS);

    Cli.Result result = Cli.runWithInput(keyedLines(), Cli.against(kafka.bootstrapServers(), "produce", topic,
        "-K", ":", "--partitioner", "consistent"));

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(partitionsByKey(kafka, topic)).isEqualTo(expected(Partitioner.crc32()));
  }

  @Test
  void kcatsPartitionerPropertyIsTakenAsKcatTakesIt(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(PARTITIONS);

    Cli.Result result = Cli.runWithInput(keyedLines(), Cli.against(kafka.bootstrapServers(), "produce", topic,
        "-K", ":", "-X", "partitioner=consistent_random"));

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(partitionsByKey(kafka, topic)).isEqualTo(expected(Partitioner.crc32()));
  }

  @Test
  void theDefaultIsTheJavaClientsMurmur2WhichPlacesMostKeysElsewhere(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(PARTITIONS);

    Cli.Result result = Cli.runWithInput(keyedLines(), Cli.against(kafka.bootstrapServers(), "produce", topic, "-K", ":"));

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(partitionsByKey(kafka, topic)).isEqualTo(expected(Partitioner.murmur2())).isNotEqualTo(expected(Partitioner.crc32()));
  }

  @Test
  void consistentPutsMessagesWithoutKeyOnOnePartitionAsLibrdkafkaDoes(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(PARTITIONS);

    Cli.Result result = Cli.runWithInput("a\nb\nc\nd\n", Cli.against(kafka.bootstrapServers(), "produce", topic,
        "--partitioner", "consistent"));

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(Topics.read(kafka, topic)).extracting(Message::partition).containsOnly(0); // CRC-32 of no bytes is 0
  }

  @Test
  void anUnknownPartitionerIsAUsageErrorListingTheNames(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);

    Cli.Result result = Cli.runWithInput("a\n", Cli.against(kafka.bootstrapServers(), "produce", topic, "--partitioner", "crc"));

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("--partitioner: 'crc' is not a partitioner; use one of consistent, consistent_random, "
        + "murmur2, murmur2_random, random");
  }

  @Test
  void consistentMatchesKcatsDefaultPartitioner(EmbeddedKafka kafka, TestTopics topics) throws Exception {
    assumeTrue(Kcat.program() != null, "kcat is not installed (apt install kcat); the gregor/kcat comparison is skipped");
    String byGregor = topics.create(PARTITIONS);
    String byKcat = topics.create(PARTITIONS);

    Cli.Result result = Cli.runWithInput(keyedLines(), Cli.against(kafka.bootstrapServers(), "produce", byGregor,
        "-K", ":", "--partitioner", "consistent"));
    Kcat.run(keyedLines(), "-b", kafka.bootstrapServers(), "-P", "-t", byKcat, "-K", ":");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(partitionsByKey(kafka, byGregor)).isEqualTo(partitionsByKey(kafka, byKcat));
  }

  private static String keyedLines() {
    return KEYS.stream().map(key -> key + ":v\n").collect(Collectors.joining());
  }

  private static Map<String, Integer> expected(Partitioner partitioner) {
    return KEYS.stream().collect(Collectors.toMap(key -> key,
        key -> partitioner.partition("t", key.getBytes(StandardCharsets.UTF_8), PARTITIONS)));
  }

  private static Map<String, Integer> partitionsByKey(EmbeddedKafka kafka, String topic) {
    return Topics.read(kafka, topic).stream().collect(Collectors.toMap(Message::keyAsString, Message::partition));
  }
}
