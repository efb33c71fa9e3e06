package dev.gregor.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gregor.client.Gregor;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Scenario 9: a framework app whose route runs 1,000 keys in parallel inside each partition
 * ({@code ordering(KEY)}, 16 threads), three processes in child JVMs, while members are SIGKILLed
 * and new ones join. Nothing may be lost, nothing committed before it finished, and per key the
 * records must first finish in offset order.
 */
@Tag("chaos")
@EmbeddedKafkaTest
class FrameworkKeyCrashTest {
  private static final int KEYS = 1_000;

  @Test
  void keyOrderedAppMembersKilledAndReplacedLoseNothingAndKeepEachKeysOrder(EmbeddedKafka kafka, TestTopics topics)
      throws Exception {
    String topic = topics.create(6);
    String group = "chaos-" + topic;
    String bootstrap = kafka.bootstrapServers();
    int crashes = Scale.pick(3, 10);
    int rate = Scale.pick(400, 800);
    History history = new History();
    List<ChildConsumer> members = new ArrayList<>();
    try (Gregor producer = Gregor.connect(bootstrap); Throttle throttle = new Throttle(rate)) {
      BufferedLoad load = new BufferedLoad(producer, topic, history, throttle, Long.MAX_VALUE, KEYS, p -> {});
      for (int i = 1; i <= 3; i++) {
        members.add(ChildConsumer.startApp(bootstrap, topic, group, topic + "-a" + i, history));
      }
      load.start();
      for (int crash = 0; crash < crashes; crash++) {
        awaitProcessed(history, rate / 2);
        members.remove(0).kill();
        members.add(ChildConsumer.startApp(bootstrap, topic, group, topic + "-a" + (4 + crash), history));
      }
      awaitProcessed(history, rate / 2);
      load.stop();
      await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
          .until(() -> history.processedCount() >= history.acknowledgedCount());
      for (ChildConsumer member : members) {
        member.stop();
      }
    } finally {
      for (ChildConsumer member : members) {
        if (member.isAlive()) {
          member.kill();
        }
      }
    }
    ScenarioLog.checkAndLog(history.check("9 framework app, ordering(KEY) x16 threads, " + KEYS + " keys, 3 child-JVM "
        + "members, member SIGKILL + new member x" + crashes), Guarantee.KEY_ORDERED_CONSUMER);
    assertThat(history.commitCount()).as("commits observed").isPositive();
  }

  private static void awaitProcessed(History history, int more) {
    int from = history.processingEvents();
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
        .until(() -> history.processingEvents() >= from + more);
  }
}
