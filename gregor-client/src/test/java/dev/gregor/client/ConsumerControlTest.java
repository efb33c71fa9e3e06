package dev.gregor.client;

import static dev.gregor.client.GroupOffsets.committedTotal;
import static dev.gregor.client.GroupOffsets.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

// Pauses, seeks, error policies and subscriptions of the group consumer (issue 5, "Group consumers").
@EmbeddedKafkaTest
@ExtendWith(ConnectedClient.class)
class ConsumerControlTest {

  @Test
  void retryPolicyDeliversTheFailedMessageAgainAfterItsBackoffAndKeepsOrder(Gregor gregor, Admin admin,
      TestTopics topics) throws Exception {
    String topic = topics.create(1);
    write(gregor, topic, 5);
    String group = topic + "-group";
    List<Long> seen = new CopyOnWriteArrayList<>();
    List<Integer> attempts = new CopyOnWriteArrayList<>();
    ErrorPolicy recordingRetry = failure -> {
      attempts.add(failure.attempt());
      return ErrorPolicy.retry(5, Duration.ofMillis(50), Duration.ofMillis(200)).decide(failure);
    };

    GroupConsumer consumer = gregor.consumer(group, c -> c.errorPolicy(recordingRetry));
    consumer.subscribe(topic);
    consumer.eachMessage(message -> {
      seen.add(message.offset());
      if (message.offset() == 2 && attempts.size() < 2) {
        throw new IllegalStateException("transient failure");
      }
      if (message.offset() == 4) {
        consumer.stop();
      }
    });

    assertThat(seen).containsExactly(0L, 1L, 2L, 2L, 2L, 3L, 4L);
    assertThat(attempts).containsExactly(1, 2);
    assertThat(committedTotal(admin, group)).isEqualTo(5);
  }

  @Test
  void aRetryThatRunsOutOfAttemptsStopsWithTheHandlersError(Gregor gregor, Admin admin, TestTopics topics)
      throws Exception {
    String topic = topics.create(1);
    write(gregor, topic, 3);
    String group = topic + "-group";

    GroupConsumer consumer = gregor.consumer(group, c -> c.errorPolicy(ErrorPolicy.retry(2, Duration.ZERO, Duration.ZERO)));
    consumer.subscribe(topic);
    assertThatThrownBy(() -> consumer.eachMessage(message -> {
      if (message.offset() == 1) {
        throw new IllegalStateException("always fails at offset 1");
      }
    })).isInstanceOf(ProcessingFailed.class).cause().hasMessage("always fails at offset 1");

    assertThat(committedTotal(admin, group)).isEqualTo(1);
  }

  @Test
  void skipPolicyReportsThePoisonPillAndProcessesEverythingAfterIt(Gregor gregor, Admin admin, TestTopics topics)
      throws Exception {
    String topic = topics.create(1);
    write(gregor, topic, 5);
    String group = topic + "-group";
    List<HandlerFailure> reported = new CopyOnWriteArrayList<>();
    List<Long> processed = new CopyOnWriteArrayList<>();

    GroupConsumer consumer = gregor.consumer(group, c -> c.errorPolicy(ErrorPolicy.skip(reported::add)));
    consumer.subscribe(topic);
    consumer.eachMessage(message -> {
      if (message.offset() == 1) {
        throw new java.io.IOException("cannot decode " + message);
      }
      processed.add(message.offset());
      if (message.offset() == 4) {
        consumer.stop();
      }
    });

    assertThat(processed).containsExactly(0L, 2L, 3L, 4L);
    assertThat(reported).singleElement().satisfies(failure -> {
      assertThat(failure.topic()).isEqualTo(topic);
      assertThat(failure.offset()).isEqualTo(1);
      assertThat(failure.attempt()).isEqualTo(1);
      assertThat(failure.error()).isInstanceOf(java.io.IOException.class);
    });
    assertThat(committedTotal(admin, group)).isEqualTo(5);
  }

  @Test
  void aRetryBackoffLongerThanTheRebalanceTimeoutKeepsTheGroupMembership(Gregor gregor, Admin admin,
      TestTopics topics) throws Exception {
    String topic = topics.create(1);
    write(gregor, topic, 3);
    String group = topic + "-group";
    AtomicBoolean failed = new AtomicBoolean();

    // Sleeping 3 s in the handler would exceed the 1 s rebalance timeout, drop the member and fail
    // its commit; pausing the partition and polling on keeps it.
    GroupConsumer consumer = gregor.consumer(group, c -> c.rebalanceTimeout(Duration.ofSeconds(1))
        .sessionTimeout(Duration.ofSeconds(6)).heartbeatInterval(Duration.ofMillis(500))
        .offsetCommitThreshold(1)
        .errorPolicy(ErrorPolicy.retry(2, Duration.ofSeconds(3), Duration.ofSeconds(3))));
    consumer.subscribe(topic);
    consumer.eachMessage(message -> {
      if (message.offset() == 1 && failed.compareAndSet(false, true)) {
        throw new IllegalStateException("fails once");
      }
      if (message.offset() == 2) {
        consumer.stop();
      }
    });

    assertThat(committedTotal(admin, group)).isEqualTo(3);
  }

  @Test
  void aMemberDroppedFromTheGroupWhileProcessingRejoinsInsteadOfFailing(Gregor gregor, TestTopics topics)
      throws Exception {
    // Found by gregor-chaos (issue 9), scenario 8: a member the group dropped (here: a handler
    // slower than the rebalance timeout; there: a slow network) failed its next commit with
    // CommitFailedException, which ended eachMessage instead of rejoining the group.
    String topic = topics.create(1);
    write(gregor, topic, 3);
    String group = topic + "-group";
    CountDownLatch dropped = new CountDownLatch(1);
    List<Long> seen = new CopyOnWriteArrayList<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    GroupConsumer consumer = gregor.consumer(group, c -> c.rebalanceTimeout(Duration.ofSeconds(1))
        .sessionTimeout(Duration.ofSeconds(6)).heartbeatInterval(Duration.ofMillis(500)).offsetCommitThreshold(1));
    consumer.subscribe(topic);
    Thread loop = new Thread(() -> {
      try {
        consumer.eachMessage(message -> {
          seen.add(message.offset());
          if (message.offset() == 0 && seen.size() == 1) {
            dropped.await(60, TimeUnit.SECONDS);
          }
        });
      } catch (Throwable t) {
        failure.set(t);
      }
    });
    loop.start();

    await().atMost(Duration.ofSeconds(30)).until(() -> gregor.groups().describe(group).members().isEmpty());
    dropped.countDown();

    await().atMost(Duration.ofSeconds(60)).until(() -> seen.contains(2L) || failure.get() != null);
    consumer.stop();
    loop.join(30_000);
    assertThat(failure.get()).isNull();
    assertThat(seen).contains(0L, 1L, 2L);
  }

  @Test
  void aHandlerThatPausesItsPartitionWithATimeoutGetsTheRestAfterwardsInOrder(Gregor gregor, TestTopics topics) {
    String topic = topics.create(1);
    write(gregor, topic, 5);
    List<Long> seen = new CopyOnWriteArrayList<>();
    List<Boolean> pausedAfterwards = new CopyOnWriteArrayList<>();

    GroupConsumer consumer = gregor.consumer(topic + "-group");
    consumer.subscribe(topic);
    consumer.eachMessage(message -> {
      seen.add(message.offset());
      if (message.offset() == 1) {
        consumer.pause(topic, 0, Duration.ofMillis(300));
        pausedAfterwards.add(consumer.isPaused(topic, 0));
      }
      if (message.offset() == 4) {
        consumer.stop();
      }
    });

    assertThat(seen).containsExactly(0L, 1L, 2L, 3L, 4L);
    assertThat(pausedAfterwards).containsExactly(true);
    assertThat(consumer.isPaused(topic, 0)).isFalse();
  }

  @Test
  void seekFromTheHandlerReadsThePartitionAgainFromThere(Gregor gregor, TestTopics topics) {
    String topic = topics.create(1);
    write(gregor, topic, 5);
    List<Long> seen = new CopyOnWriteArrayList<>();
    AtomicBoolean rewound = new AtomicBoolean();

    GroupConsumer consumer = gregor.consumer(topic + "-group");
    consumer.subscribe(topic);
    consumer.eachMessage(message -> {
      seen.add(message.offset());
      if (message.offset() == 3 && rewound.compareAndSet(false, true)) {
        consumer.seek(topic, 0, 1);
      }
      if (message.offset() == 4) {
        consumer.stop();
      }
    });

    assertThat(seen).containsExactly(0L, 1L, 2L, 3L, 1L, 2L, 3L, 4L);
  }

  @Test
  void pausingAPartitionThisMemberDoesNotOwnNamesIt(Gregor gregor, TestTopics topics) {
    String topic = topics.create(1);
    write(gregor, topic, 1);
    GroupConsumer consumer = gregor.consumer(topic + "-group");
    consumer.subscribe(topic);

    assertThatThrownBy(() -> consumer.eachMessage(message -> consumer.pause(topic, 7)))
        .isInstanceOf(ProcessingFailed.class).cause()
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Partition 7 of topic '" + topic + "' is not assigned");
  }

  @Test
  void eachSubscriptionHasItsOwnStartAndPatternsMatchSeveralTopics(Gregor gregor, EmbeddedKafka kafka,
      TestTopics topics) {
    String old = topics.create(1);
    String fresh = topics.create(1);
    String prefix = topics.next();
    kafka.createTopic(prefix + "-a", 1, 1);
    kafka.createTopic(prefix + "-b", 1, 1);
    write(gregor, old, 2);
    write(gregor, fresh, 2);
    write(gregor, prefix + "-a", 1);
    write(gregor, prefix + "-b", 1);
    List<String> seen = new CopyOnWriteArrayList<>();
    AtomicBoolean wroteFresh = new AtomicBoolean();

    GroupConsumer consumer = gregor.consumer(prefix + "-group");
    consumer.subscribe(true, old);
    consumer.subscribe(false, fresh);
    consumer.subscribe(Pattern.compile(Pattern.quote(prefix) + "-[ab]"), true);
    await().atMost(Duration.ofSeconds(60)).pollInSameThread().pollDelay(Duration.ZERO).until(() -> {
      if (consumer.poll(Duration.ofMillis(200)) instanceof Message message) {
        seen.add(message.topic() + ":" + message.offset());
      }
      // Once the fresh topic's position is known (its end), a new message there is the only one read.
      if (seen.size() == 4 && consumer.lag().containsKey(new TopicPartition(fresh, 0))
          && wroteFresh.compareAndSet(false, true)) {
        write(gregor, fresh, 1);
      }
      return seen.contains(fresh + ":2");
    });
    consumer.close();

    assertThat(seen).containsExactlyInAnyOrder(old + ":0", old + ":1", prefix + "-a:0", prefix + "-b:0", fresh + ":2");
  }

  @Test
  void subscribingToAMissingTopicNamesItAndSuggestsTheClosestName(Gregor gregor, TestTopics topics) {
    String topic = topics.create(1);
    GroupConsumer consumer = gregor.consumer(topic + "-group");
    consumer.subscribe(topic + "x");

    assertThatThrownBy(() -> consumer.eachMessage(message -> { }))
        .isInstanceOfSatisfying(UnknownTopic.class, e -> {
          assertThat(e.topic()).isEqualTo(topic + "x");
          assertThat(e.suggestions()).contains(topic);
        })
        .hasMessageContaining("topic '" + topic + "x' does not exist")
        .hasMessageContaining("did you mean '" + topic + "'");
  }
}
