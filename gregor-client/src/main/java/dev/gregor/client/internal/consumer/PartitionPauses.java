package dev.gregor.client.internal.consumer;

import dev.gregor.client.internal.retry.Backoff;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;

/**
 * Which partitions the application paused and until when, with ruby-kafka's exponential
 * backoff: each pause in a row doubles the timeout up to a maximum, until a message of the
 * partition is processed again.
 */
final class PartitionPauses {
  private static final long UNTIL_RESUMED = Long.MAX_VALUE;

  private final Map<TopicPartition, Long> untilNanos = new ConcurrentHashMap<>(); // isPaused is asked from any thread
  private final Map<TopicPartition, Integer> inARow = new HashMap<>();
  private final Map<TopicPartition, Long> sinceNanos = new HashMap<>();

  /**
   * Pauses {@code partition}: until resumed when {@code timeout} is null, otherwise for
   * {@code timeout}, doubled per earlier pause in a row up to {@code maxTimeout} when that is not null.
   */
  Duration pause(TopicPartition partition, Duration timeout, Duration maxTimeout) {
    sinceNanos.putIfAbsent(partition, System.nanoTime());
    if (timeout == null) {
      untilNanos.put(partition, UNTIL_RESUMED);
      return null;
    }
    Duration wait = timeout;
    if (maxTimeout != null) {
      wait = Backoff.exponential(timeout, maxTimeout).delay(inARow.merge(partition, 1, Integer::sum));
    }
    untilNanos.put(partition, System.nanoTime() + wait.toNanos());
    return wait;
  }

  boolean isPaused(TopicPartition partition) {
    return untilNanos.containsKey(partition);
  }

  Set<TopicPartition> paused() {
    return untilNanos.keySet();
  }

  void resume(TopicPartition partition) {
    untilNanos.remove(partition);
    sinceNanos.remove(partition);
  }

  /** How long {@code partition} has been paused, for ruby-kafka's {@code pause_status}. */
  Duration pausedFor(TopicPartition partition) {
    Long since = sinceNanos.get(partition);
    return since == null ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - since);
  }

  /** Removes and returns the pauses whose time is up. */
  List<TopicPartition> expired() {
    if (untilNanos.isEmpty()) {
      return List.of();
    }
    long now = System.nanoTime();
    List<TopicPartition> expired = new ArrayList<>();
    untilNanos.forEach((partition, until) -> {
      if (until != UNTIL_RESUMED && now - until >= 0) {
        expired.add(partition);
      }
    });
    expired.forEach(untilNanos::remove);
    expired.forEach(sinceNanos::remove);
    return expired;
  }

  /** A message of {@code partition} was processed: the next pause starts from the base timeout again. */
  void processed(TopicPartition partition) {
    if (!inARow.isEmpty()) {
      inARow.remove(partition);
    }
  }

  void forget(Collection<TopicPartition> partitions) {
    partitions.forEach(partition -> {
      untilNanos.remove(partition);
      inARow.remove(partition);
      sinceNanos.remove(partition);
    });
  }
}
