package dev.gregor.client.internal;

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
    List<Message.Header> headers = new ArrayList<>();
    for (Header header : record.headers()) {
      headers.add(new Message.Header(header.key(), header.value()));
    }
    return new Message(record.topic(), record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
        record.key(), record.value(), List.copyOf(headers));
  }
}
