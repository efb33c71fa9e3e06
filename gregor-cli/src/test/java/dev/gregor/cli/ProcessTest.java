package dev.gregor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put(KafkaOptions.BOOTSTRAP_VARIABLE, bootstrap);
    Process process = builder.start();
    process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    // Both streams are small here, so reading one after the other cannot fill a pipe and block.
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("gregor %s ended", args[0]).isTrue();
    return new Run(process.exitValue(), out, err);
  }
}
