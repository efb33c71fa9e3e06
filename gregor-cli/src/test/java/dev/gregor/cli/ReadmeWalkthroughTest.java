package dev.gregor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import org.junit.jupiter.api.Test;

/**
 * The README's command-line walkthrough, step by step, against the shared broker that
 * {@code gregor dev} would start (DevCommandTest covers that step), on a topic of its own.
 */
@EmbeddedKafkaTest
class ReadmeWalkthroughTest {
  @Test
  void aNewcomerProducesConsumesSeesOffsetsAndResumesAsAGroup(EmbeddedKafka kafka, TestTopics topics) {
    String bootstrap = kafka.bootstrapServers();
    String greetings = topics.next(); // created by the first produce, as on a fresh broker
    String readers = topics.next();

    Cli.Result hello = Cli.runWithInput("hello Kafka\n", Cli.against(bootstrap, "produce", greetings));
    Cli.Result more = Cli.runWithInput("first\nsecond\n", Cli.against(bootstrap, "produce", greetings));
    assertThat(hello.exitCode()).as(hello.err()).isZero();
    assertThat(more.exitCode()).as(more.err()).isZero();

    Cli.Result all = Cli.run(Cli.against(bootstrap, "consume", greetings, "--from-beginning", "--exit"));
    assertThat(all.lines()).containsExactly("hello Kafka", "first", "second");

    Cli.Result offsets = Cli.run(Cli.against(bootstrap, "offsets", greetings));
    assertThat(offsets.lines().get(1)).containsPattern(greetings + "\\s+0\\s+0\\s+3\\s+3");
    Cli.Result cluster = Cli.run(Cli.against(bootstrap, "cluster"));
    assertThat(cluster.out()).contains("controller");

    Cli.Result firstRun = Cli.run(Cli.against(bootstrap, "consume", greetings, "--group", readers, "--from-beginning", "--count", "2"));
    Cli.Result secondRun = Cli.run(Cli.against(bootstrap, "consume", greetings, "--group", readers, "--count", "1"));
    assertThat(firstRun.lines()).containsExactly("hello Kafka", "first");
    assertThat(secondRun.lines()).containsExactly("second");
    Cli.Result group = Cli.run(Cli.against(bootstrap, "groups describe", readers));
    assertThat(group.lines().get(2)).containsPattern(greetings + "\\s+0\\s+3\\s+3\\s+0");

    Cli.Result copy = Cli.runWithInput(Cli.run(Cli.against(bootstrap, "consume", greetings, "--from-beginning", "--count", "10", "--exit")).out(),
        Cli.against(bootstrap, "produce", topics.next()));
    assertThat(copy.err()).contains("3 delivered");
  }
}
