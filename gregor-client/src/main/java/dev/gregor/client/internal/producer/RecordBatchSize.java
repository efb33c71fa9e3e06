package dev.gregor.client.internal.producer;

import dev.gregor.client.PendingMessage;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The bytes of an uncompressed Kafka record batch (format v2) holding one message alone: what a
 * broker compares with a topic's {@code max.message.bytes}. Computed here because kafka-clients'
 * own sizing lives in its internal packages.
 */
final class RecordBatchSize {
  /** Base offset, length, leader epoch, magic, CRC, attributes, deltas, timestamps, producer id/epoch, sequence, count. */
  private static final int BATCH_OVERHEAD = 61;
  /**
   * The most a header-less record adds to its key and value: length (5), attributes (1),
   * timestamp delta (10), offset delta (5), key and value lengths (5 each), header count (5).
   */
  private static final int MAX_RECORD_OVERHEAD = 36;

  private RecordBatchSize() {}

  /**
   * Whether the message surely fits {@code limit} without computing its exact size (which builds a
   * record per message just to measure it): without headers a record adds at most 36 bytes.
   */
  static boolean surelyWithin(PendingMessage message, int limit) {
    return message.options().headers().isEmpty() && (long) BATCH_OVERHEAD + MAX_RECORD_OVERHEAD + message.bytesize() <= limit;
  }

  static int alone(PendingMessage message) {
    ProducerRecord<byte[], byte[]> record = ProducerRecords.of(message, null);
    // attributes, timestamp delta 0 and offset delta 0 take one byte each
    int body = 3 + field(record.key()) + field(record.value());
    Header[] headers = record.headers().toArray();
    body += varint(headers.length);
    for (Header header : headers) {
      body += field(header.key().getBytes(StandardCharsets.UTF_8)) + field(header.value());
    }
    return BATCH_OVERHEAD + varint(body) + body;
  }

  private static int field(byte[] bytes) {
    return bytes == null ? varint(-1) : varint(bytes.length) + bytes.length;
  }

  /** The length of Kafka's zig-zag varint encoding of {@code value}. */
  private static int varint(int value) {
    int zigzag = (value << 1) ^ (value >> 31);
    int bytes = 1;
    while ((zigzag & 0xffffff80) != 0) {
      bytes++;
      zigzag >>>= 7;
    }
    return bytes;
  }
}
