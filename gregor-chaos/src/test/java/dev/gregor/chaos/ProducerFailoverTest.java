package dev.gregor.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gregor.chaos.ClusterFaults.Fault;
import dev.gregor.client.Acks;
import dev.gregor.client.Config;
import dev.gregor.client.Gregor;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.ProcessMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Scenarios 1–3: producers write numbered records to a 3-node cluster (child JVMs, replication 3,
 * min.insync.replicas 2) while a node is killed, shut down or loses the controller role, again
 * and again; then the whole log is read and checked.
 */
@Tag("chaos")
class ProducerFailoverTest {
  private static final AtomicInteger TOPICS = new AtomicInteger();
  private static EmbeddedKafka cluster;
  private static Admin admin;

  @BeforeAll
  static void startCluster() {
    cluster = EmbeddedKafka.builder().nodes(3).mode(ProcessMode.CHILD_JVM).start();
    admin = cluster.admin();
  }

  @AfterAll
  static void stopCluster() {
    if (admin != null) {
      admin.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void idempotentProducersLoseAndDuplicateNothingWhileTheLeaderIsHardKilled() throws Exception {
    bothProducersSurvive("1", Fault.KILL_LEADER, Scale.pick(2, 5));
  }

  @Test
  @Tag("chaos-full")
  void idempotentProducersLoseAndDuplicateNothingWhileTheLeaderShutsDownCleanly() throws Exception {
    bothProducersSurvive("2", Fault.STOP_LEADER, 5);
  }

  @Test
  @Tag("chaos-full")
  void idempotentProducersLoseAndDuplicateNothingWhenTheControllerIsKilled() throws Exception {
    bothProducersSurvive("2", Fault.KILL_CONTROLLER, 3);
  }

  @Test
  @Tag("chaos-full")
  void acksLeaderWithoutIdempotenceUnderHardKillsIsReportedNotFailed() throws Exception {
    String topic = topic("acks1");
    History history = new History();
    int kills = 5;
    try (Gregor kafka = connect(); Throttle throttle = new Throttle(rate())) {
      BufferedLoad load = new BufferedLoad(kafka, topic, history, throttle, Long.MAX_VALUE,
          p -> p.acks(Acks.LEADER).idempotent(false));
      load.start();
      injectFaults(Fault.KILL_LEADER, kills, topic, List.of(load));
      load.stop();
    }
    LogReader.readAll(cluster.bootstrapServers(), topic, history, false);
    ScenarioLog.checkAndLog(history.check("3 buffered acks=1 no idempotence, leader SIGKILL x" + kills),
        Guarantee.REPORT_ONLY);
  }

  private void bothProducersSurvive(String number, Fault fault, int times) throws Exception {
    String bufferedTopic = topic("buffered");
    String asyncTopic = topic("async");
    History buffered = new History();
    History async = new History();
    BufferedLoad bufferedLoad;
    AsyncLoad asyncLoad;
    try (Gregor kafka = connect(); Throttle bufferedPace = new Throttle(rate()); Throttle asyncPace = new Throttle(rate())) {
      bufferedLoad = new BufferedLoad(kafka, bufferedTopic, buffered, bufferedPace, Long.MAX_VALUE, p -> {});
      asyncLoad = new AsyncLoad(kafka, asyncTopic, async, asyncPace, Long.MAX_VALUE);
      bufferedLoad.start();
      asyncLoad.start();
      injectFaults(fault, times, bufferedTopic, List.of(bufferedLoad, asyncLoad));
      bufferedLoad.stop();
      asyncLoad.stop();
    }
    LogReader.readAll(cluster.bootstrapServers(), bufferedTopic, buffered, false);
    LogReader.readAll(cluster.bootstrapServers(), asyncTopic, async, false);
    String faults = fault.description + " x" + times;
    ScenarioLog.checkAndLog(buffered.check(number + " buffered idempotent acks=all, " + faults), Guarantee.IDEMPOTENT_PRODUCER);
    ScenarioLog.checkAndLog(async.check(number + " async idempotent acks=all, " + faults), Guarantee.IDEMPOTENT_PRODUCER);
    assertThat(bufferedLoad.givenUp()).as("messages the buffered load gave up on").isZero();
    assertThat(asyncLoad.undelivered()).as("messages the async producer could not deliver at shutdown").isEmpty();
  }

  /** Each round: writes flow, the fault hits, writes still flow, the node comes back and catches up. */
  private static void injectFaults(Fault fault, int times, String topic, List<Load> loads) throws Exception {
    List<String> topics = loads.stream().map(load -> load.topic).toList();
    for (int round = 0; round < times; round++) {
      awaitProgress(loads);
      int node = fault.apply(cluster, admin, topic);
      awaitProgress(loads);
      cluster.restart(node);
      ClusterFaults.awaitHealed(admin, topics);
    }
    awaitProgress(loads);
  }

  /** Waits until every load got about a second's worth of further acknowledgements. */
  private static void awaitProgress(List<Load> loads) {
    long[] from = loads.stream().mapToLong(Load::acked).toArray();
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> {
      for (int i = 0; i < from.length; i++) {
        if (loads.get(i).acked() < from[i] + rate() / 2) {
          return false;
        }
      }
      return true;
    });
  }

  private static int rate() {
    return Scale.pick(200, 500);
  }

  private static String topic(String what) {
    String name = "chaos-" + what + "-" + TOPICS.incrementAndGet();
    cluster.createTopic(name, 3, 3, Map.of("min.insync.replicas", "2"));
    return name;
  }

  private static Gregor connect() {
    return Gregor.connect(Config.builder().seedBrokers(cluster.bootstrapServers()).clientId("chaos-producer")
        .deliveryTimeout(Duration.ofSeconds(60)).build());
  }
}
