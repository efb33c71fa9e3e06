package dev.gregor.client.internal.consumer;

import dev.gregor.client.Message;
import org.apache.kafka.common.TopicPartition;

/**
 * Collects processed messages of one partition in a row and marks them once, when the partition
 * changes or before anything reads the marks (a poll, a commit, a close): marking per message
 * cost a map update and an allocation each.
 */
final class MarkRun {
  private final PolledMember group;
  private TopicPartition partition;
  private long next;
  private int count;

  MarkRun(PolledMember group) {
    this.group = group;
    group.flushMarksWith(this::flush);
  }

  void add(Message message) {
    if (partition == null || partition.partition() != message.partition() || !partition.topic().equals(message.topic())) {
      flush();
      partition = new TopicPartition(message.topic(), message.partition());
    }
    next = message.offset() + 1;
    count++;
  }

  void flush() {
    if (count > 0) {
      group.mark(partition, next, count);
      count = 0;
    }
  }
}
