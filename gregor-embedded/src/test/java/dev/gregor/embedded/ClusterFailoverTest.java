package dev.gregor.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** A 3-node cluster keeps accepting acks=all writes when the partition leader goes away, and takes it back. */
class ClusterFailoverTest {
  private static final String TOPIC = "failover";

  @Test
  void inProcessClusterSurvivesLeaderShutdownAndTheNodeRejoinsTheIsr() throws Exception {
    try (EmbeddedKafka cluster = EmbeddedKafka.builder().nodes(3).start()) {
      assertSurvivesLosingTheLeader(cluster, cluster::stop);
    }
  }

  @Test
  void childJvmClusterSurvivesSigkillOfTheLeaderAndTheNodeRejoinsTheIsr() throws Exception {
    try (EmbeddedKafka cluster = EmbeddedKafka.builder().nodes(3).mode(ProcessMode.CHILD_JVM).start()) {
      assertSurvivesLosingTheLeader(cluster, cluster::kill);
    }
    assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)).isEmpty();
  }

  @Test
  void closeAfterTheControllerQuorumIsLostStillStopsTheLastNode() {
    // Without a quorum no controlled shutdown can be approved; close() must not wait for one.
    EmbeddedKafka cluster = EmbeddedKafka.builder().nodes(3).startTimeout(Duration.ofSeconds(30)).start();
    cluster.stop(1);
    cluster.stop(2);

    cluster.close();

    assertThat(cluster.dataDir()).doesNotExist();
  }

  @Test
  void inProcessNodesCannotBeKilled() {
    try (EmbeddedKafka single = EmbeddedKafka.builder().start()) {
      assertThatThrownBy(() -> single.kill(1))
          .isInstanceOf(EmbeddedKafkaException.class)
          .hasMessageContaining("ProcessMode.CHILD_JVM");
      assertThat(single.isRunning(1)).isTrue();
    }
  }

  private static void assertSurvivesLosingTheLeader(EmbeddedKafka cluster, IntConsumer loseNode)
      throws Exception {
    cluster.createTopic(TOPIC, 1, 3, Map.of("min.insync.replicas", "2"));
    List<String> written = new ArrayList<>();
    try (Admin admin = cluster.admin();
         KafkaProducer<String, String> producer = RoundTrip.producer(cluster.clientConfig())) {
      write(producer, written, "before");
      int leader = Leaders.leader(admin, TOPIC);

      loseNode.accept(leader);
      assertThat(cluster.isRunning(leader)).isFalse();
      write(producer, written, "during");
      assertThat(Leaders.leader(admin, TOPIC)).isNotIn(leader, -1);

      cluster.restart(leader);
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
          assertThat(Leaders.inSyncReplicas(admin, TOPIC)).isEqualTo(Set.of(1, 2, 3)));
      write(producer, written, "after");
    }
    assertThat(RoundTrip.consume(cluster.clientConfig(), TOPIC, written.size())).containsExactlyElementsOf(written);
  }

  private static void write(KafkaProducer<String, String> producer, List<String> written, String phase)
      throws Exception {
    for (int i = 0; i < 10; i++) {
      String value = phase + "-" + i;
      producer.send(new ProducerRecord<>(TOPIC, value)).get(30, TimeUnit.SECONDS);
      written.add(value);
    }
  }
}
