package dev.gregor.bench.internal.producer;

import dev.gregor.client.Acks;
import dev.gregor.client.Compression;

/**
 * The work of one producer run: how many records of what size, with which acks, into how many
 * partitions, compressed with which codec, keyed or not.
 */
record ProducerCase(int records, int recordBytes, Acks acks, int partitions, Compression codec, boolean keyed) {

  /** Such as {@code 100B acks=all 1p none} or {@code 1KB acks=1 8p lz4 keyed}. */
  String label() {
    return (recordBytes >= 1024 ? recordBytes / 1024 + "KB" : recordBytes + "B") + " acks=" + acks.kafkaValue() + " "
        + partitions + "p " + codec.kafkaValue() + (keyed ? " keyed" : "");
  }

  /** 1,024 distinct keys, so keyed records spread over every partition. */
  static byte[][] keys() {
    byte[][] keys = new byte[1024][];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = ("key-" + i).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
    return keys;
  }
}
