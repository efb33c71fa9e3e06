package dev.gregor.client;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Writes numbered test messages and reads back what a group committed, through plain kafka-clients admin calls. */
final class GroupOffsets {
  private GroupOffsets() {}

  /** Writes {@code count} messages "m0".. with keys "k0".. to {@code topic}. */
  static void write(Gregor gregor, String topic, int count) {
    gregor.deliverMessages(IntStream.range(0, count)
        .mapToObj(i -> PendingMessage.of(topic, "m" + i, Produce.key("k" + i))).collect(Collectors.toList()));
  }

  /** Writes {@code count} messages "m0".. to one partition. */
  static void write(Gregor gregor, String topic, int partition, int count) {
    gregor.deliverMessages(IntStream.range(0, count)
        .mapToObj(i -> PendingMessage.of(topic, "m" + i, Produce.partition(partition))).collect(Collectors.toList()));
  }

  /** The sum of the group's committed offsets over all partitions: how many messages it committed. */
  static long committedTotal(Admin admin, String group) throws Exception {
    return committed(admin, group).values().stream().mapToLong(OffsetAndMetadata::offset).sum();
  }

  static Map<TopicPartition, OffsetAndMetadata> committed(Admin admin, String group) throws Exception {
    return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
  }
}
