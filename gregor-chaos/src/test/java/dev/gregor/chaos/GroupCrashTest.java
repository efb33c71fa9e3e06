package dev.gregor.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import dev.gregor.client.GroupProtocol;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Scenario 4: a group of three members, each in its own JVM, consumes while members are
 * SIGKILLed (no commit, no leave) and new ones join; at-least-once must hold throughout.
 */
@Tag("chaos")
@EmbeddedKafkaTest
class GroupCrashTest {
  @Test
  void membersKilledAndReplacedLoseNothingAndRepeatOnlyTheUncommittedTail(EmbeddedKafka kafka, TestTopics topics)
      throws Exception {
    crashAndReplace(kafka.bootstrapServers(), topics.create(6), GroupProtocol.CLASSIC, Scale.pick(3, 10));
  }

  @Test
  @Tag("chaos-full")
  void membersOfAKip848GroupKilledAndReplacedLoseNothingAndRepeatOnlyTheUncommittedTail() throws Exception {
    // The broker rules KIP-848 sessions; its minimum (45 s by default) is lowered so a kill is noticed in 6 s.
    try (EmbeddedKafka broker = EmbeddedKafka.builder()
        .brokerConfig("group.consumer.min.session.timeout.ms", "6000")
        .brokerConfig("group.consumer.session.timeout.ms", "6000")
        .brokerConfig("group.consumer.min.heartbeat.interval.ms", "1000")
        .brokerConfig("group.consumer.heartbeat.interval.ms", "1000")
        .start()) {
      broker.createTopic("kip848", 6, 1);
      crashAndReplace(broker.bootstrapServers(), "kip848", GroupProtocol.CONSUMER, 10);
    }
  }

  private static void crashAndReplace(String bootstrap, String topic, GroupProtocol protocol, int crashes) throws Exception {
    String group = "chaos-" + topic;
    History history = new History();
    CrashLoop.run(bootstrap, topic, history, Scale.pick(300, 500), Load.KEYS, crashes, topic + "-m",
        member -> ChildConsumer.start(bootstrap, topic, group, member, protocol, history));
    ScenarioLog.checkAndLog(history.check("4 group of 3 (child JVMs, " + protocol + " protocol), member SIGKILL + new member x"
        + crashes), Guarantee.AT_LEAST_ONCE_CONSUMER);
    assertThat(history.commitCount()).as("commits observed").isPositive();
  }
}
