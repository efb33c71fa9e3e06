package dev.gregor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gregor.embedded.ChildJvm;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code gregor} as a real process, as a shell runs it: standard streams, exit codes, GREGOR_BOOTSTRAP. */
@EmbeddedKafkaTest
class ProcessTest {
  /** What a finished process printed. */
  record Run(int exitCode, String out, String err) {}

  @Test
  void produceThenConsumeRoundTripsThroughPipesUsingGregorBootstrap(EmbeddedKafka kafka, TestTopics topics) throws Exception {
    String topic = topics.create(1);

    Run produced = gregor(kafka.bootstrapServers(), "hello Kafka\nsecond\n", "produce", topic);
    Run consumed = gregor(kafka.bootstrapServers(), "", "consume", topic, "--from-beginning", "--count", "2");

    assertThat(produced.exitCode()).as(produced.err()).isZero();
    assertThat(produced.out()).isEmpty();
    assertThat(consumed.exitCode()).as(consumed.err()).isZero();
    assertThat(consumed.out()).isEqualTo("hello Kafka\nsecond\n");
    assertThat(consumed.err()).isEqualTo("2 messages\n");
  }

  @Test
  void anUnknownTopicExitsTwoWithOneLineAndNoStackTrace(EmbeddedKafka kafka, TestTopics topics) throws Exception {
    String missing = topics.next();

    Run run = gregor(kafka.bootstrapServers(), "", "offsets", missing);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines()).singleElement().asString().startsWith("gregor offsets: ").contains(missing);
  }

  @Test
  void aUsageErrorExitsOne(EmbeddedKafka kafka) throws Exception {
    Run run = gregor(kafka.bootstrapServers(), "", "consume");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("Missing required parameter", "TOPIC");
  }

  /** Runs {@code gregor ARGS} in a new JVM with GREGOR_BOOTSTRAP set, feeding {@code stdin}. */
  private static Run gregor(String bootstrap, String stdin, String... args) throws IOException, InterruptedException {
    StringBuffer out = new StringBuffer();
    StringBuffer err = new StringBuffer();
    try (ChildJvm child = ChildJvm.builder(Main.class).args(args).environment(KafkaOptions.BOOTSTRAP_VARIABLE, bootstrap)
        .onOutput(line -> out.append(line).append('\n')).onError(line -> err.append(line).append('\n')).start()) {
      child.input().write(stdin.getBytes(StandardCharsets.UTF_8));
      child.input().close();
      assertThat(child.waitFor(Duration.ofMinutes(2))).as("gregor %s ended", args[0]).isTrue();
      assertThat(child.awaitOutput(Duration.ofSeconds(10))).isTrue();
      return new Run(child.exitValue(), out.toString(), err.toString());
    }
  }

}
