package dev.gregor.client;

import static dev.gregor.client.GroupOffsets.committed;
import static dev.gregor.client.GroupOffsets.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

// What a framework with a worker pool needs: a last chance to mark work finished elsewhere before a rebalance commits.
@EmbeddedKafkaTest
@ExtendWith(ConnectedClient.class)
class BeforeRevokeTest {

  @Test
  void messagesMarkedInTheBeforeRevokeHookAreCommittedBeforeThePartitionMoves(Gregor gregor, Admin admin,
      TestTopics topics) throws Exception {
    String topic = topics.create(2);
    String group = topic + "-group";
    write(gregor, topic, 0, 5);
    write(gregor, topic, 1, 5);
    Map<Integer, Message> lastSeen = new ConcurrentHashMap<>();
    List<List<TopicPartition>> hookCalls = new CopyOnWriteArrayList<>();

    GroupConsumer first = gregor.consumer(group, c -> c.automaticallyMarkAsProcessed(false).stopOnShutdown(false));
    first.subscribe(topic);
    // Work "finished elsewhere": nothing is marked until the hook says the partitions are going.
    first.beforeRevoke(revoked -> {
      hookCalls.add(revoked);
      revoked.forEach(p -> {
        Message last = lastSeen.get(p.partition());
        if (last != null) {
          first.markMessageAsProcessed(last);
        }
      });
    });
    AtomicBoolean done = new AtomicBoolean();
    Thread poller = new Thread(() -> {
      while (!done.get()) {
        if (first.poll(Duration.ofMillis(100)) instanceof Message message) {
          lastSeen.put(message.partition(), message);
        }
      }
      first.close();
    });
    poller.start();
    await().atMost(Duration.ofSeconds(60)).until(() -> lastSeen.size() == 2
        && lastSeen.values().stream().allMatch(m -> m.offset() == 4));
    assertThat(committed(admin, group)).isEmpty();

    GroupConsumer second = gregor.consumer(group, c -> c.stopOnShutdown(false));
    second.subscribe(topic);
    Thread secondPoller = new Thread(() -> {
      while (!done.get()) {
        second.poll(Duration.ofMillis(100)); // joining is enough: the group moves a partition to this member
      }
      second.close();
    });
    secondPoller.start();
    try {
      await().atMost(Duration.ofSeconds(60)).until(() -> !hookCalls.isEmpty());
      await().atMost(Duration.ofSeconds(30)).until(() -> committed(admin, group).values().stream()
          .mapToLong(OffsetAndMetadata::offset).anyMatch(offset -> offset == 5));
      assertThat(hookCalls.get(0)).isNotEmpty().allSatisfy(p -> assertThat(p.topic()).isEqualTo(topic));
    } finally {
      done.set(true);
      poller.join(30_000);
      secondPoller.join(30_000);
    }
  }

  @Test
  void beforeRevokeIsRefusedOnceConsumingStarted(Gregor gregor, TestTopics topics) {
    String topic = topics.create(1);
    try (GroupConsumer consumer = gregor.consumer(topic + "-group")) {
      consumer.subscribe(topic);
      consumer.poll(Duration.ofMillis(10));
      assertThatThrownBy(() -> consumer.beforeRevoke(revoked -> { }))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("before consuming starts");
    }
  }
}
