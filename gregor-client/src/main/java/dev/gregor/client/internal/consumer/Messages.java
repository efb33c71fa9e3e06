package dev.gregor.client.internal.consumer;

import dev.gregor.client.Message;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Turns kafka-clients records into Gregor {@link Message}s. */
final class Messages {
  private Messages() {}

  static Message of(ConsumerRecord<byte[], byte[]> record) {
    Header[] raw = record.headers().toArray();
    List<Message.Header> headers = List.of();
    if (raw.length > 0) { // most messages have none; skip the copy then
      List<Message.Header> copy = new ArrayList<>(raw.length);
      for (Header header : raw) {
        copy.add(new Message.Header(header.key(), header.value()));
      }
      headers = List.copyOf(copy);
    }
    return new Message(record.topic(), record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
        record.key(), record.value(), headers);
  }
}
