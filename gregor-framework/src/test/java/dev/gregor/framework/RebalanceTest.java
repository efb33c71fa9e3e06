package dev.gregor.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gregor.client.Notification;
import dev.gregor.client.PendingMessage;
import dev.gregor.client.Produce;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

// Scaling out (seed: "Concurrency", "Group"): more processes of one app share its groups; a rebalance never
// commits a message that was not performed, and work finished before a partition moves is committed.
@EmbeddedKafkaTest
class RebalanceTest {
  static final Set<String> PERFORMED = ConcurrentHashMap.newKeySet();

  static final class SlowController extends Controller {
    @Override
    protected void perform() throws InterruptedException {
      Thread.sleep(5); // real work takes time; the listener keeps polling meanwhile
      PERFORMED.add(params().partition() + "@" + params().offset());
    }
  }

  @Test
  void aSecondProcessJoiningTakesPartitionsWithoutAnyCommitPassingUnperformedWork(EmbeddedKafka kafka,
      TestTopics topics) throws Exception {
    String topic = topics.create(4);
    String name = "scaling-" + Integer.toHexString(topic.hashCode());
    int total = 400;
    List<String> violations = new CopyOnWriteArrayList<>();
    List<Notification> revokes = new CopyOnWriteArrayList<>();
    App first = Apps.build(kafka, name, routes -> routes.topic(topic, route -> route.controller(SlowController.class)));
    App second = Apps.build(kafka, name, routes -> routes.topic(topic, route -> route.controller(SlowController.class)));

    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
        first; second) {
      first.start();
      first.client().notifications().subscribe(FrameworkEvent.REVOKE, revokes::add);
      first.client().deliverMessages(IntStream.range(0, total).mapToObj(i -> PendingMessage.of(topic, "{\"n\":" + i + "}",
          Produce.partition(i % 4))).toList());
      await().atMost(Duration.ofSeconds(60)).until(() -> PERFORMED.size() >= total / 4);
      second.start();
      await().atMost(Duration.ofSeconds(120)).until(() -> {
        checkCommitted(admin, name + "_" + topic, violations);
        return PERFORMED.size() == total;
      });
      await().atMost(Duration.ofSeconds(30)).until(() -> Apps.committed(kafka, name + "_" + topic) == total);
    }

    assertThat(violations).isEmpty();
    assertThat(revokes).isNotEmpty();
  }

  /** Every offset below a committed one must have been performed when the commit is seen. */
  private static void checkCommitted(Admin admin, String group, List<String> violations) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
    committed.forEach((partition, offset) -> {
      for (long o = 0; o < offset.offset(); o++) {
        if (!PERFORMED.contains(partition.partition() + "@" + o)) {
          violations.add(partition + " committed " + offset.offset() + " but " + o + " was not performed");
          return;
        }
      }
    });
  }
}
