package dev.gregor.client.internal.consumer;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/** How many times in a row the handler failed at a partition's current offset. */
final class RetryAttempts {
  private record Failing(long offset, int attempts) {}

  private final Map<TopicPartition, Failing> failing = new HashMap<>();

  /** Counts one more failure at {@code offset} and returns the attempt number, 1 for the first. */
  int failed(TopicPartition partition, long offset) {
    Failing previous = failing.get(partition);
    int attempt = previous != null && previous.offset() == offset ? previous.attempts() + 1 : 1;
    failing.put(partition, new Failing(offset, attempt));
    return attempt;
  }

  /** The partition moved past its failing offset. */
  void passed(TopicPartition partition) {
    if (!failing.isEmpty()) {
      failing.remove(partition);
    }
  }

  void forget(Collection<TopicPartition> partitions) {
    partitions.forEach(failing::remove);
  }
}
