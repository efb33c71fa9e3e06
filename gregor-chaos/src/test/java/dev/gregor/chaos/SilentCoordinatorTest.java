package dev.gregor.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gregor.client.ConsumerSettings;
import dev.gregor.client.Gregor;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Scenario 8's zombie, made certain: a member's coordinator falls silent while its partition's
 * leader still serves its fetches, so the group expires it and gives the partition to a second
 * member; the first must not go on handing out records the second has already committed.
 */
@Tag("chaos")
@EmbeddedKafkaTest
class SilentCoordinatorTest {
  @Test
  void aMemberCutOffFromItsCoordinatorStopsHandingOutRecordsBeforeTheGroupMovesOn(EmbeddedKafka kafka, TestTopics topics)
      throws Exception {
    String topic = topics.create(1);
    String group = "chaos-" + topic;
    History history = new History();
    String broker = kafka.bootstrapServers();
    try (FaultyProxy proxy = new FaultyProxy(Integer.parseInt(broker.substring(broker.lastIndexOf(':') + 1)));
         Gregor producer = Gregor.connect(broker); Throttle throttle = new Throttle(100)) {
      proxy.delay(Duration.ofMillis(300)); // the cut-off member reads each record later than the other
      // It commits only when it stops, so no commit blocks it while it is cut off: it polls throughout.
      GroupMember cutOff = new GroupMember(proxy.address(), topic, group, topic + "-cut-off", history,
          s -> settings(s).offsetCommitThreshold(0).offsetCommitInterval(Duration.ofMinutes(10)),
          config -> config.seedBrokers(proxy.address()));
      GroupMember other = null;
      BufferedLoad load = new BufferedLoad(producer, topic, history, throttle, Long.MAX_VALUE, p -> {});
      load.start();
      try {
        awaitUntil("the first member processed 100 records", () -> history.processingEvents() >= 100);
        proxy.silenceCoordinator(true);
        int commitsBefore = history.commitCount();
        other = new GroupMember(broker, topic, group, topic + "-other", history, SilentCoordinatorTest::settings, config -> {});
        awaitUntil("the second member committed 10 times", () -> history.commitCount() >= commitsBefore + 10);
        load.stop();
        awaitUntil("everything acknowledged processed", () -> history.processedCount() >= history.acknowledgedCount());
      } finally {
        proxy.silenceCoordinator(false);
        proxy.resetAll(); // the cut-off member reconnects at once, to leave the group
        cutOff.stop();
        if (other != null) {
          other.stop();
        }
      }
    }
    assertThat(history.processedPartitions()).containsExactly(0);
    ScenarioLog.checkAndLog(history.check("8b coordinator silent to one member of two, its fetches still served"),
        Guarantee.AT_LEAST_ONCE_CONSUMER);
  }

  private static ConsumerSettings.Builder settings(ConsumerSettings.Builder settings) {
    return settings.offsetCommitThreshold(50).offsetCommitInterval(Duration.ofSeconds(1))
        .sessionTimeout(Duration.ofSeconds(6)).heartbeatInterval(Duration.ofSeconds(1));
  }

  private static void awaitUntil(String what, java.util.concurrent.Callable<Boolean> condition) {
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).alias(what).until(condition);
  }
}
