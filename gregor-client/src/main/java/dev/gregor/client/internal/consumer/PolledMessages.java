package dev.gregor.client.internal.consumer;

import dev.gregor.client.Message;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/**
 * The records of one poll, partition by partition, turned into {@link Message}s one at a time as
 * they are handed out: converting a whole poll up front and queueing it cost a deque slot and a
 * cache miss per message, and built messages a revoke or a stop then threw away.
 */
final class PolledMessages {
  private final ConsumerRecords<byte[], byte[]> records;
  private final Deque<TopicPartition> partitions;
  private TopicPartition partition;
  private List<ConsumerRecord<byte[], byte[]>> current = List.of();
  private int index;

  PolledMessages(ConsumerRecords<byte[], byte[]> records) {
    this.records = records;
    this.partitions = new ArrayDeque<>(records.partitions());
  }

  /**
   * The next message, or null when every one was handed out. A partition the application paused or
   * sought since this poll hands out no more of it (as in eachMessage): after a pause its position
   * goes back to the first of them, for the resume; after a seek reading goes on from the new offset.
   */
  Message next(PartitionControl control) {
    while (true) {
      while (index == current.size()) {
        partition = partitions.poll();
        if (partition == null) {
          current = List.of();
          index = 0;
          return null;
        }
        current = records.records(partition);
        index = 0;
      }
      if (!control.disrupted(partition)) {
        return Messages.of(current.get(index++));
      }
      control.keepPositionAfter(partition, current.get(index).offset());
      current = List.of();
      index = 0;
    }
  }

  /** Forgets the messages of {@code revoked} partitions not handed out yet: another member reads them now. */
  void drop(Collection<dev.gregor.client.TopicPartition> revoked) {
    partitions.removeIf(tp -> revoked.contains(PartitionIds.toPublic(tp)));
    if (partition != null && revoked.contains(PartitionIds.toPublic(partition))) {
      current = List.of();
      index = 0;
    }
  }

  /**
   * Hands out nothing more and has {@code group} fetch the rest again, from the next message on:
   * the member may no longer be counted in the group, so another member may be reading them.
   */
  void holdBackRest(PolledMember group) {
    if (index < current.size()) {
      group.holdBack(records, partition, current.get(index).offset());
    } else if (!partitions.isEmpty()) {
      group.holdBack(records, partitions.peek(), records.records(partitions.peek()).get(0).offset());
    }
    partitions.clear();
    current = List.of();
    index = 0;
  }
}
