package dev.gregor.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
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
    History history = new History();
    CrashLoop.run(bootstrap, topic, history, Scale.pick(400, 800), KEYS, crashes, topic + "-a",
        member -> ChildConsumer.startApp(bootstrap, topic, group, member, history));
    ScenarioLog.checkAndLog(history.check("9 framework app, ordering(KEY) x16 threads, " + KEYS + " keys, 3 child-JVM "
        + "members, member SIGKILL + new member x" + crashes), Guarantee.KEY_ORDERED_CONSUMER);
    assertThat(history.commitCount()).as("commits observed").isPositive();
  }
}
