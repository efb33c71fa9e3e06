package dev.gregor.client.internal.consumer;

import dev.gregor.client.internal.events.Span;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A member's commits of what its {@link OffsetTracker} marked, each a {@code commit_offsets} notification. */
final class GroupCommits {
  private static final Logger LOG = LoggerFactory.getLogger(GroupCommits.class);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final OffsetTracker offsets;
  private final ConsumerEvents events;
  private final String groupId;
  private final BooleanSupplier stopRequested;
  private final Runnable refused;

  GroupCommits(KafkaConsumer<byte[], byte[]> consumer, OffsetTracker offsets, ConsumerEvents events, String groupId,
      BooleanSupplier stopRequested, Runnable refused) {
    this.consumer = consumer;
    this.offsets = offsets;
    this.events = events;
    this.groupId = groupId;
    this.stopRequested = stopRequested;
    this.refused = refused;
  }

  /**
   * Commits, unless the group dropped this member (it was too slow for the rebalance timeout, or
   * cut off by the network) or the commit timed out: then the offsets stay uncommitted — another
   * owner reads that tail again, or a later commit covers it — and the loop goes on; the next
   * poll rejoins the group if needed. Ending the loop here would turn a network blip into an outage.
   */
  void commitUnlessDropped(Map<TopicPartition, OffsetAndMetadata> uncommitted) {
    try {
      commit(uncommitted);
    } catch (CommitFailedException | RebalanceInProgressException | RetriableException e) {
      LOG.warn("Group '{}' did not accept the commit of {} ({}: {}); the offsets stay uncommitted and the member goes on",
          groupId, uncommitted, e.getClass().getSimpleName(), e.getMessage());
    }
  }

  void commit(Map<TopicPartition, OffsetAndMetadata> uncommitted) {
    if (!uncommitted.isEmpty()) {
      Span span = events.committing(uncommitted.size());
      try {
        commitSync(uncommitted);
      } catch (RuntimeException e) {
        span.fail(e);
        throw e;
      }
      span.stop();
    }
    offsets.committed(uncommitted);
  }

  private void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
    try {
      consumer.commitSync(offsets);
    } catch (CommitFailedException e) {
      refused.run(); // the group has moved on without this member: what it fetched is no longer its to hand out
      throw e;
    } catch (WakeupException woken) {
      if (!stopRequested.getAsBoolean()) {
        throw woken;
      }
      consumer.commitSync(offsets); // stop() woke the consumer; that wakeup is used up now, and the commit must still happen
    }
  }
}
