package dev.gregor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gregor.client.Fetch;
import dev.gregor.client.Gregor;
import dev.gregor.client.Message;
import dev.gregor.client.Offset;
import dev.gregor.client.Produce;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import dev.gregor.framework.DeadLetters;
import org.junit.jupiter.api.Test;

/** {@code gregor dead-letters replay}: dead letters go back to their origin topic and partition, once. */
@EmbeddedKafkaTest
class DeadLettersCommandTest {
  @Test
  void replayWritesEachDeadLetterBackToItsOriginOnce(EmbeddedKafka kafka, TestTopics topics) {
    String origin = topics.create(3);
    String dlt = topics.create(1);
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers())) {
      gregor.deliverMessage(dlt, "refund 42", Produce.key("order-42").header("trace-id", "t-9")
          .header(DeadLetters.ORIGIN_TOPIC, origin).header(DeadLetters.ORIGIN_PARTITION, "2")
          .header(DeadLetters.ORIGIN_OFFSET, "17").header(DeadLetters.EXCEPTION, "java.lang.IllegalStateException"));

      Cli.Result first = Cli.run(Cli.against(kafka.bootstrapServers(), "dead-letters replay", dlt));
      Cli.Result second = Cli.run(Cli.against(kafka.bootstrapServers(), "dead-letters replay", dlt));

      assertThat(first.exitCode()).as(first.err()).isZero();
      assertThat(first.err()).contains("Replayed 1 dead letter(s) of '" + dlt + "'");
      assertThat(second.err()).contains("Replayed 0 dead letter(s)");
      Fetch fetch = gregor.fetch(origin, 2, Offset.at(0));
      assertThat(fetch.messages()).singleElement().satisfies(message -> {
        assertThat(message.valueAsString()).isEqualTo("refund 42");
        assertThat(message.keyAsString()).isEqualTo("order-42");
        assertThat(message.header("trace-id")).isEqualTo("t-9");
        assertThat(message.headers()).extracting(Message.Header::name).noneMatch(n -> n.startsWith(DeadLetters.PREFIX));
      });
    }
  }

  @Test
  void replayOfATopicThatDoesNotExistFailsNamingIt(EmbeddedKafka kafka) {
    Cli.Result result = Cli.run(Cli.against(kafka.bootstrapServers(), "dead-letters replay", "no-such-dlt"));

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("no-such-dlt");
  }
}
