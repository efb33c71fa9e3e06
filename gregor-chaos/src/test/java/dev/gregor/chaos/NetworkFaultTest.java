package dev.gregor.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gregor.client.Config;
import dev.gregor.client.ConsumerSettings;
import dev.gregor.client.Gregor;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Scenario 8: a producer and a group of two consume through a {@link FaultyProxy} that delays every
 * frame, silences open connections (a partition the client must time out of) and resets them.
 */
@Tag("chaos")
@Tag("chaos-full")
@EmbeddedKafkaTest
class NetworkFaultTest {
  @Test
  void produceAndConsumeRecoverFromDelaysSilencedAndResetConnections(EmbeddedKafka kafka, TestTopics topics) throws Exception {
    String topic = topics.create(3);
    String group = "chaos-" + topic;
    History history = new History();
    int rounds = 3;
    int brokerPort = Integer.parseInt(kafka.bootstrapServers().substring(kafka.bootstrapServers().lastIndexOf(':') + 1));
    try (FaultyProxy proxy = new FaultyProxy(brokerPort)) {
      Consumer<Config.Builder> throughProxy = c -> c.seedBrokers(proxy.address()).socketTimeout(Duration.ofSeconds(5));
      List<GroupMember> members = List.of(
          new GroupMember(proxy.address(), topic, group, topic + "-m1", history, this::memberSettings, throughProxy),
          new GroupMember(proxy.address(), topic, group, topic + "-m2", history, this::memberSettings, throughProxy));
      Config.Builder producerConfig = Config.builder().deliveryTimeout(Duration.ofSeconds(60));
      throughProxy.accept(producerConfig);
      int silenced = 0;
      int reset = 0;
      try (Gregor producer = Gregor.connect(producerConfig.build()); Throttle throttle = new Throttle(200)) {
        BufferedLoad load = new BufferedLoad(producer, topic, history, throttle, Long.MAX_VALUE, p -> {});
        load.start();
        for (int round = 0; round < rounds; round++) {
          awaitProgress(history, members);
          proxy.delay(Duration.ofMillis(300));
          awaitProgress(history, members);
          proxy.delay(Duration.ZERO);
          silenced += proxy.silenceOpenConnections();
          awaitProgress(history, members);
          reset += proxy.resetAll();
          awaitProgress(history, members);
        }
        load.stop();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
            .until(() -> history.processedCount() >= history.acknowledgedCount());
      } finally {
        for (GroupMember member : members) {
          member.stop();
        }
      }
      assertThat(proxy.accepted()).as("connections through the proxy").isGreaterThan(silenced);
      ScenarioLog.checkAndLog(history.check("8 TCP proxy: 300 ms delay, " + silenced + " silenced and " + reset
          + " reset connections over " + rounds + " rounds, " + proxy.accepted() + " connections"),
          Guarantee.AT_LEAST_ONCE_CONSUMER.and(Violation.DUPLICATED_IN_LOG));
    }
  }

  private void memberSettings(ConsumerSettings.Builder settings) {
    settings.offsetCommitThreshold(50).offsetCommitInterval(Duration.ofSeconds(1))
        .sessionTimeout(Duration.ofSeconds(10)).heartbeatInterval(Duration.ofSeconds(1));
  }

  private static void awaitProgress(History history, List<GroupMember> members) {
    int from = history.processingEvents();
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
        .alias("100 more records processed after " + from + " (acknowledged so far: " + history.acknowledgedCount() + ")")
        .until(() -> {
          for (GroupMember member : members) {
            if (member.failure() != null) {
              throw new AssertionError("a member's consuming loop ended with an exception", member.failure());
            }
          }
          return history.processingEvents() >= from + 100;
        });
  }
}
