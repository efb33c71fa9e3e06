package dev.gregor.client;

import java.util.zip.CRC32;
import org.apache.kafka.common.utils.Utils;

/**
 * Chooses the partition of a message from its key, or from its partition key when it has one.
 * Messages without either go to kafka-clients' built-in (sticky) partitioner.
 */
@FunctionalInterface
public interface Partitioner {
  /** A partition in {@code [0, partitionCount)} for a message with {@code key} (never null) on {@code topic}. */
  int partition(String topic, byte[] key, int partitionCount);

  /** The Java client's default: murmur2 of the key, as Kafka Streams and most JVM clients use. */
  static Partitioner murmur2() {
    return (topic, key, partitionCount) -> Utils.toPositive(Utils.murmur2(key)) % partitionCount;
  }

  /** librdkafka's {@code consistent} (and ruby-kafka's): CRC-32 of the key modulo the partition count. */
  static Partitioner crc32() {
    return (topic, key, partitionCount) -> {
      CRC32 crc = new CRC32();
      crc.update(key);
      return (int) (crc.getValue() % partitionCount);
    };
  }
}
