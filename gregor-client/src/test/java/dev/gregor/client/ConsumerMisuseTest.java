package dev.gregor.client;

import static dev.gregor.client.GroupOffsets.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

// Issue 20, defects 12 and 14: bad reads and calls on partitions the member does not own fail at once, naming why.
@EmbeddedKafkaTest
@ExtendWith(ConnectedClient.class)
class ConsumerMisuseTest {

  @Test
  void fetchingPastThePartitionsEndNamesTheOffsetsItHolds(Gregor gregor, TestTopics topics) {
    String topic = topics.create(1);
    write(gregor, topic, 0, 3);

    assertThatThrownBy(() -> gregor.fetch(topic, 0, Offset.at(10)))
        .isInstanceOfSatisfying(OffsetOutOfRange.class, e -> {
          assertThat(e.topic()).isEqualTo(topic);
          assertThat(e.partition()).isZero();
          assertThat(e.offset()).isEqualTo(10);
          assertThat(e.earliest()).isZero();
          assertThat(e.latest()).isEqualTo(3);
        })
        .hasMessageContaining("Offset 10 of topic '" + topic + "' partition 0 is out of range")
        .hasMessageContaining("offsets 0 to 3");
  }

  @Test
  void fetchingANegativePartitionFailsAtOnceNamingTheTopicsPartitionCount(Gregor gregor, TestTopics topics) {
    String topic = topics.create(2);
    long started = System.nanoTime();

    assertThatThrownBy(() -> gregor.fetch(topic, -1, Offset.EARLIEST))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("partition must be 0 or more, was -1")
        .hasMessageContaining("topic '" + topic + "' has 2 partitions");
    // The defect waited out kafka-clients' 10 s metadata timeout.
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
  }

  @Test
  void pausingOrSeekingAnUnassignedPartitionFromAnotherThreadFailsTheCaller(Gregor gregor, TestTopics topics)
      throws Exception {
    String topic = topics.create(1);
    write(gregor, topic, 0, 1);
    GroupConsumer consumer = gregor.consumer(topic + "-group");
    consumer.subscribe(topic);
    Thread reader = readInBackground(consumer);
    try {
      assertThatThrownBy(() -> consumer.pause(topic, 7))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("Partition 7 of topic '" + topic + "' is not assigned to this member");
      assertThatThrownBy(() -> consumer.seek(topic, 7, 0))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("Partition 7 of topic '" + topic + "' is not assigned to this member");
      assertThat(consumer.isPaused(topic, 7)).isFalse();
    } finally {
      consumer.stop();
      reader.join(30_000);
    }
  }

  @Test
  void markingAMessageOfAPartitionNeverAssignedFailsInsteadOfBeingDropped(Gregor gregor, TestTopics topics)
      throws Exception {
    String topic = topics.create(1);
    String other = topics.create(1);
    write(gregor, topic, 0, 1);
    GroupConsumer consumer = gregor.consumer(topic + "-group", c -> c.automaticallyMarkAsProcessed(false));
    consumer.subscribe(topic);
    Thread reader = readInBackground(consumer);
    Message foreign = new Message(other, 0, 0, Instant.now(), null, new byte[0], List.of());
    try {
      assertThatThrownBy(() -> consumer.markMessageAsProcessed(foreign))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("partition 0 of topic '" + other + "' was never assigned to this member");
    } finally {
      consumer.stop();
      reader.join(30_000);
    }
  }

  @Test
  void aSecondConsumingThreadIsToldWhatIsSafeForAConsumerNotToUseAnAsyncProducer(Gregor gregor, TestTopics topics)
      throws Exception {
    String topic = topics.create(1);
    write(gregor, topic, 0, 1);
    GroupConsumer consumer = gregor.consumer(topic + "-group");
    consumer.subscribe(topic);
    Thread reader = readInBackground(consumer);
    try {
      assertThatThrownBy(() -> consumer.eachMessage(message -> { }))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("Consumer is not thread-safe")
          .hasMessageContaining("one GroupConsumer per thread")
          .hasMessageNotContaining("AsyncProducer");
    } finally {
      consumer.stop();
      reader.join(30_000);
    }
  }

  @Test
  void seekingPastTheEndReadsOnWhereTheGroupsResetPolicySaysAndLogsIt(Gregor gregor, TestTopics topics) throws Exception {
    String topic = topics.create(1);
    write(gregor, topic, 0, 3);
    List<Long> seen = new CopyOnWriteArrayList<>();
    GroupConsumer consumer = gregor.consumer(topic + "-group");
    consumer.subscribe(topic);

    // Documented (docs/client.md, "Pause, seek and lag"): as with any kafka-clients consumer, a position outside
    // the partition is moved by the reset policy -- from the beginning for subscribe(topic) -- with a WARN log.
    try (WarnLog log = new WarnLog()) {
      consumer.eachMessage(message -> {
        seen.add(message.offset());
        if (seen.size() == 1) {
          consumer.seek(topic, 0, 100);
        } else if (seen.size() == 4) {
          consumer.stop();
        }
      });

      assertThat(seen).containsExactly(0L, 0L, 1L, 2L);
      assertThat(log.text()).contains("seeks topic '" + topic + "' partition 0 to offset 100, past its end (3; it holds "
          + "offsets 0 to 2)", "reading goes on from the beginning (offset 0)");
    }
  }

  /** Starts eachMessage on another thread and returns once the consumer has its assignment. */
  private static Thread readInBackground(GroupConsumer consumer) throws InterruptedException {
    CountDownLatch first = new CountDownLatch(1);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread reader = new Thread(() -> {
      try {
        consumer.eachMessage(message -> first.countDown());
      } catch (Throwable t) {
        failure.set(t);
        first.countDown();
      }
    }, "reader");
    reader.start();
    assertThat(first.await(60, TimeUnit.SECONDS)).isTrue();
    assertThat(failure.get()).isNull();
    await().atMost(Duration.ofSeconds(30)).until(() -> !consumer.lag().isEmpty());
    return reader;
  }
}
