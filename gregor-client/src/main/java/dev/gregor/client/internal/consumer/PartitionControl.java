package dev.gregor.client.internal.consumer;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Which of a member's partitions are fetched: the application's pauses (with their timers) and
 * seeks, the error policy's retries, partitions held back until the application saw their
 * assignment, and back-pressure. A partition is fetched only when none of these holds it.
 */
final class PartitionControl {
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final PartitionPauses pauses;
  private final Rebalances rebalances;
  private final ConsumerEvents events;
  private final String groupId;
  private final String offsetReset;
  private final Set<TopicPartition> disrupted = new HashSet<>();
  private final Set<TopicPartition> seeked = new HashSet<>();
  private boolean backpressured;
  private boolean heldAll;

  PartitionControl(KafkaConsumer<byte[], byte[]> consumer, PartitionPauses pauses, Rebalances rebalances,
      ConsumerEvents events, String groupId, String offsetReset) {
    this.consumer = consumer;
    this.offsetReset = offsetReset;
    this.pauses = pauses;
    this.rebalances = rebalances;
    this.events = events;
    this.groupId = groupId;
  }

  /** Before each poll: resume what timed out, and forget which partitions the last handlers touched. */
  void beforePoll() {
    for (TopicPartition expired : pauses.expired()) {
      resumeIfOwned(expired);
    }
    disrupted.clear();
    seeked.clear();
  }

  void pause(TopicPartition partition, Duration timeout, Duration maxTimeout) {
    requireOwned(partition);
    pauses.pause(partition, timeout, maxTimeout);
    consumer.pause(Set.of(partition));
    disrupted.add(partition);
  }

  void resume(TopicPartition partition) {
    pauses.resume(partition);
    resumeIfOwned(partition);
  }

  void seek(TopicPartition partition, long offset) {
    requireOwned(partition);
    SeekRange.warnIfPastEnd(consumer, partition, offset, groupId, offsetReset);
    consumer.seek(partition, offset);
    events.sought(partition, offset);
    disrupted.add(partition);
    seeked.add(partition);
  }

  /**
   * A handler paused its own partition without moving it: the records polled after {@code next}
   * are not handled now, so the position goes back to them for when the partition resumes.
   */
  void keepPositionAfter(TopicPartition partition, long next) {
    if (pauses.isPaused(partition) && !seeked.contains(partition) && rebalances.owns(partition)) {
      consumer.seek(partition, next);
    }
  }

  /** The policy's retry: the partition pauses for {@code wait}, then reads again from the failed offset. */
  void retryLater(TopicPartition partition, long offset, Duration wait) {
    pauses.pause(partition, wait, null);
    consumer.pause(Set.of(partition));
    consumer.seek(partition, offset);
  }

  /** Whether a handler paused or moved {@code partition}, so the rest of its polled records must wait. */
  boolean disrupted(TopicPartition partition) {
    return !disrupted.isEmpty() && disrupted.contains(partition);
  }

  /** The application has seen the newest assignment: fetch its partitions from now on. */
  void releaseHeld() {
    Set<TopicPartition> released = rebalances.releaseHeld();
    if (!released.isEmpty()) { // asked before every event a poller hands out: no method reference built for nothing
      released.forEach(this::resumeIfNotPaused);
    }
  }

  /** While the application is not taking messages, every partition is paused and polling only keeps the membership. */
  void backpressure(boolean on) {
    if (on == backpressured) {
      return;
    }
    backpressured = on;
    if (on) {
      consumer.pause(rebalances.assigned());
    } else {
      Set.copyOf(rebalances.assigned()).forEach(this::resumeIfNotPaused);
    }
  }

  /**
   * While the group may have moved on without this member (see {@link SessionWatch}) nothing is
   * fetched; polling goes on, so kafka-clients can learn the group's answer and rejoin.
   */
  void holdAll(boolean on) {
    if (on) {
      consumer.pause(rebalances.assigned()); // also partitions assigned since the last call
    } else if (heldAll) {
      heldAll = false;
      Set.copyOf(rebalances.assigned()).forEach(this::resumeIfNotPaused);
    }
    heldAll = on || heldAll;
  }

  private void resumeIfNotPaused(TopicPartition partition) {
    if (!pauses.isPaused(partition)) {
      resumeIfOwned(partition);
    }
  }

  private void resumeIfOwned(TopicPartition partition) {
    if (rebalances.owns(partition) && !backpressured && !heldAll && !rebalances.isHeld(partition)) {
      consumer.resume(Set.of(partition));
    }
  }

  private void requireOwned(TopicPartition partition) {
    if (!rebalances.owns(partition)) {
      throw notAssigned(partition, groupId, rebalances.assigned());
    }
  }

  static IllegalStateException notAssigned(TopicPartition partition, String groupId, Set<TopicPartition> assigned) {
    return new IllegalStateException("Partition " + partition.partition() + " of topic '" + partition.topic()
        + "' is not assigned to this member of group '" + groupId + "'; it has " + assigned);
  }
}
