package dev.gregor.client.internal.consumer;

import dev.gregor.client.ConsumerSettings;
import dev.gregor.client.Message;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Which offsets were marked processed and which of those are committed: ruby-kafka's
 * checkpointing. Only marked messages are ever committed, so nothing is committed before its
 * handler returned.
 */
final class OffsetTracker {
  private final ConsumerSettings settings;
  private final Map<TopicPartition, Long> marked = new HashMap<>();
  private final Map<TopicPartition, Long> committed = new HashMap<>();
  private final LongSupplier nanoTime;
  private int markedSinceCommit;
  private long lastCommitNanos;

  OffsetTracker(ConsumerSettings settings) {
    this(settings, System::nanoTime);
  }

  /** With the clock the commit interval is measured on, so tests need not wait for it. */
  OffsetTracker(ConsumerSettings settings, LongSupplier nanoTime) {
    this.settings = settings;
    this.nanoTime = nanoTime;
    this.lastCommitNanos = nanoTime.getAsLong();
  }

  /** Marks {@code message} and every earlier one in its partition as processed. */
  void mark(Message message) {
    mark(new TopicPartition(message.topic(), message.partition()), message.offset() + 1, 1);
  }

  /** Marks a run of {@code count} processed messages of one partition, up to (not including) {@code nextOffset}. */
  void mark(TopicPartition partition, long nextOffset, int count) {
    marked.merge(partition, nextOffset, Math::max);
    markedSinceCommit += count;
  }

  boolean commitDue() {
    boolean byCount = settings.offsetCommitThreshold() > 0 && markedSinceCommit >= settings.offsetCommitThreshold();
    boolean byTime = !settings.offsetCommitInterval().isZero()
        && nanoTime.getAsLong() - lastCommitNanos >= settings.offsetCommitInterval().toNanos();
    return byCount || byTime;
  }

  /** Marked offsets not yet committed, for {@code partitions} or (null) all of them. */
  Map<TopicPartition, OffsetAndMetadata> uncommitted(Collection<TopicPartition> partitions) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    marked.forEach((tp, next) -> {
      if ((partitions == null || partitions.contains(tp)) && !next.equals(committed.get(tp))) {
        offsets.put(tp, new OffsetAndMetadata(next));
      }
    });
    return offsets;
  }

  void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
    offsets.forEach((tp, offset) -> committed.put(tp, offset.offset()));
    markedSinceCommit = 0;
    lastCommitNanos = nanoTime.getAsLong();
  }

  /** Drops what is known about partitions this member gave up. */
  void forget(Collection<TopicPartition> partitions) {
    partitions.forEach(tp -> {
      marked.remove(tp);
      committed.remove(tp);
    });
  }
}
