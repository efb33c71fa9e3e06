package dev.gregor.client;

import java.util.List;

/**
 * What {@link GroupConsumer#poll(java.time.Duration)} returns (confluent-kafka-go's events): a
 * {@link Message}, a rebalance, the end of a partition, or an error the consumer survived.
 */
public sealed interface Event
    permits Message, Event.PartitionsAssigned, Event.PartitionsRevoked, Event.PartitionEof, Event.KafkaError {

  /**
   * Partitions given to this member. Their messages are fetched from the next {@code poll}, so
   * {@link GroupConsumer#seek} calls made in between decide where they start (application-handled rebalance).
   */
  record PartitionsAssigned(List<TopicPartition> partitions) implements Event {}

  /**
   * Partitions taken from this member; their processed offsets were committed first, unless
   * {@code lost} (the member had already been dropped from the group, so nothing could be committed).
   */
  record PartitionsRevoked(List<TopicPartition> partitions, boolean lost) implements Event {}

  /** This member has read everything in the partition up to {@code offset}, its current end (opt-in). */
  record PartitionEof(String topic, int partition, long offset) implements Event {}

  /** An error the consumer reported without stopping; {@code retriable} ones usually clear up by themselves. */
  record KafkaError(GregorException error, boolean retriable) implements Event {}
}
