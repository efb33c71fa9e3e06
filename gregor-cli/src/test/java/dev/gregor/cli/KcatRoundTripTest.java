package dev.gregor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** gregor and kcat read each other's messages, keys and headers included; skipped where kcat is not installed. */
@EmbeddedKafkaTest
class KcatRoundTripTest {
  private static String kcat;

  @BeforeAll
  static void findKcat() {
    kcat = List.of("kcat", "kafkacat").stream().filter(KcatRoundTripTest::runs).findFirst().orElse(null);
  }

  @Test
  void gregorProduceThenKcatConsume(EmbeddedKafka kafka, TestTopics topics) throws Exception {
    assumeTrue(kcat != null, "kcat is not installed (apt install kcat); the gregor/kcat round trips are skipped");
    String topic = topics.create(1);

    Cli.Result produced = Cli.runWithInput("k1:v1\nk2:v2\n", Cli.against(kafka.bootstrapServers(), "produce", topic,
        "--key-separator", ":", "--header", "h=x"));
    String consumed = run("", kcat, "-b", kafka.bootstrapServers(), "-C", "-t", topic, "-o", "beginning", "-e", "-q",
        "-f", "%k=%s %h\\n");

    assertThat(produced.exitCode()).as(produced.err()).isZero();
    assertThat(consumed).isEqualTo("k1=v1 h=x\nk2=v2 h=x\n");
  }

  @Test
  void kcatProduceThenGregorConsume(EmbeddedKafka kafka, TestTopics topics) throws Exception {
    assumeTrue(kcat != null, "kcat is not installed (apt install kcat); the gregor/kcat round trips are skipped");
    String topic = topics.create(1);

    run("k1:v1\nk2:v2\n", kcat, "-b", kafka.bootstrapServers(), "-P", "-t", topic, "-K", ":", "-H", "h=x");
    Cli.Result consumed = Cli.run(Cli.against(kafka.bootstrapServers(), "consume", topic, "--from-beginning", "--exit",
        "--format", "%k=%s %h\\n"));

    assertThat(consumed.out()).as(consumed.err()).isEqualTo("k1=v1 h=x\nk2=v2 h=x\n");
  }

  @Test
  void repeatedHeaderNamesReachKcatInOrder(EmbeddedKafka kafka, TestTopics topics) throws Exception {
    assumeTrue(kcat != null, "kcat is not installed (apt install kcat); the gregor/kcat round trips are skipped");
    String topic = topics.create(1);

    Cli.Result produced = Cli.runWithInput("v\n", Cli.against(kafka.bootstrapServers(), "produce", topic,
        "-H", "tag=one", "-H", "other=x", "-H", "tag=two"));
    String consumed = run("", kcat, "-b", kafka.bootstrapServers(), "-C", "-t", topic, "-o", "beginning", "-e", "-q",
        "-f", "%h\\n");

    assertThat(produced.exitCode()).as(produced.err()).isZero();
    assertThat(consumed).isEqualTo("tag=one,other=x,tag=two\n");
  }

  @Test
  void repeatedHeaderNamesFromKcatArePrintedInOrder(EmbeddedKafka kafka, TestTopics topics) throws Exception {
    assumeTrue(kcat != null, "kcat is not installed (apt install kcat); the gregor/kcat round trips are skipped");
    String topic = topics.create(1);

    run("v\n", kcat, "-b", kafka.bootstrapServers(), "-P", "-t", topic, "-H", "tag=one", "-H", "tag=two");
    Cli.Result consumed = Cli.run(Cli.against(kafka.bootstrapServers(), "consume", topic, "--from-beginning", "--exit",
        "--format", "%h\\n"));

    assertThat(consumed.out()).as(consumed.err()).isEqualTo("tag=one,tag=two\n");
  }

  private static boolean runs(String program) {
    try {
      Process process = new ProcessBuilder(program, "-V").redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private static String run(String stdin, String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(1, TimeUnit.MINUTES)).as("%s ended", command[0]).isTrue();
    assertThat(process.exitValue()).as("%s exit code", command[0]).isZero();
    return out;
  }
}
