package dev.gregor.client.internal.producer;

import dev.gregor.client.Partitioner;
import dev.gregor.client.PendingMessage;
import dev.gregor.client.Produce;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.Producer;

/** Decides a message's partition: explicit, else the partitioner on its partition key or key, else Kafka's choice. */
final class Partitions {
  private Partitions() {}

  /** Whether Gregor picks the partition (explicit, or a key), so {@link #resolve} must be asked; else kafka-clients places it. */
  static boolean chosenByGregor(PendingMessage message) {
    Produce options = message.options();
    return options.partition() != null || options.partitionKey() != null || options.key() != null;
  }

  /** The partition, or null to let kafka-clients' sticky partitioner place a message with neither key. */
  static Integer resolve(Producer<byte[], byte[]> metadataSource, Partitioner partitioner, PendingMessage message) {
    Produce options = message.options();
    if (options.partition() != null) {
      // kafka-clients would wait max.block.ms for a partition that may never appear; say so at once.
      int count = metadataSource.partitionsFor(message.topic()).size();
      if (options.partition() >= count) {
        throw new IllegalArgumentException("partition " + options.partition() + " does not exist: topic '"
            + message.topic() + "' has " + count + " partitions (0-" + (count - 1) + ")");
      }
      return options.partition();
    }
    byte[] key = options.partitionKey() != null ? options.partitionKey().getBytes(StandardCharsets.UTF_8) : options.key();
    if (key == null) {
      return null;
    }
    int count = metadataSource.partitionsFor(message.topic()).size();
    return partitioner.partition(message.topic(), key, count);
  }
}
