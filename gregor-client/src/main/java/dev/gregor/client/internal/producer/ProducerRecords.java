package dev.gregor.client.internal.producer;

import dev.gregor.client.Message;
import dev.gregor.client.PendingMessage;
import dev.gregor.client.Produce;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** Turns a {@link PendingMessage} into the kafka-clients record that carries it. */
final class ProducerRecords {
  private ProducerRecords() {}

  static ProducerRecord<byte[], byte[]> of(PendingMessage message, Integer partition) {
    Produce options = message.options();
    // ProducerRecord copies the headers it is given; null (no headers) skips that per-message copy.
    RecordHeaders headers = null;
    if (!options.headers().isEmpty()) {
      headers = new RecordHeaders();
      for (Message.Header header : options.headers()) {
        headers.add(header.name(), header.value()); // in order, repeated names included
      }
    }
    Long timestamp = options.createTime() == null ? null : options.createTime().toEpochMilli();
    return new ProducerRecord<>(message.topic(), partition, timestamp, options.key(), message.value(), headers);
  }
}
