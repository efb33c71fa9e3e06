package dev.gregor.client.internal.producer;

import dev.gregor.client.Delivered;
import dev.gregor.client.PendingMessage;
import dev.gregor.client.internal.events.NotificationBus;
import dev.gregor.client.internal.events.RequestStats;
import dev.gregor.client.internal.events.Span;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;

/** ruby-kafka's producer notifications, built only when someone listens. */
public final class ProducerEvents {
  /** For buffers nobody instruments (tests of pure buffer logic). */
  public static final ProducerEvents NONE = new ProducerEvents(new NotificationBus("none"));

  private final NotificationBus bus;

  public ProducerEvents(NotificationBus bus) {
    this.bus = bus;
  }

  /** {@code produce_message.producer}: a message entered a buffer. */
  void produced(PendingMessage message, int bufferSize, int maxBufferSize) {
    if (bus.wants("produce_message.producer")) {
      Map<String, Object> payload = message(message);
      payload.put("buffer_size", bufferSize);
      payload.put("max_buffer_size", maxBufferSize);
      bus.event("produce_message.producer", payload);
    }
  }

  /** {@code produce_message.producer} for a transaction's send: {@code buffer_size} counts its messages so far. */
  void produced(PendingMessage message, int inTransaction, String transactionalId) {
    if (bus.wants("produce_message.producer")) {
      Map<String, Object> payload = message(message);
      payload.put("buffer_size", inTransaction);
      payload.put("transactional_id", transactionalId);
      bus.event("produce_message.producer", payload);
    }
  }

  /** {@code transaction.producer}: a transaction begins; its span stops when committed and fails when aborted. */
  Span transaction(String transactionalId) {
    if (!bus.wants("transaction.producer")) {
      return Span.NONE;
    }
    Map<String, Object> payload = bus.payload();
    payload.put("transactional_id", transactionalId);
    return bus.start("transaction.producer", payload);
  }

  /** {@code buffer_overflow.producer}: a message did not fit. */
  void overflowed(PendingMessage message, int bufferSize, int maxBufferSize) {
    if (bus.wants("buffer_overflow.producer")) {
      Map<String, Object> payload = bus.payload();
      payload.put("topic", message.topic());
      payload.put("buffer_size", bufferSize);
      payload.put("max_buffer_size", maxBufferSize);
      bus.event("buffer_overflow.producer", payload);
    }
  }

  /** {@code deliver_messages.producer}: a delivery of {@code count} messages begins; one attempt, as kafka-clients retries inside it. */
  Span delivering(int count) {
    if (!bus.wants("deliver_messages.producer")) {
      return Span.NONE;
    }
    Map<String, Object> payload = bus.payload();
    payload.put("attempts", 1);
    payload.put("message_count", count);
    return bus.start("deliver_messages.producer", payload);
  }

  /** {@code request.connection}, derived from the sender's metrics at most once a second. */
  void requests(BatchSender sender) {
    if (RequestStats.wanted(bus)) {
      sender.reportRequests(bus);
    }
  }

  /** The same for a single-delivery producer, whose stats live in {@code stats} (created here on first use). */
  RequestStats requests(RequestStats stats, KafkaProducer<byte[], byte[]> producer) {
    if (!RequestStats.wanted(bus)) {
      return stats;
    }
    RequestStats current = stats != null ? stats : new RequestStats(bus, producer::metrics);
    current.reportIfDue();
    return current;
  }

  /** {@code ack_message.producer}: Kafka acknowledged a message. */
  void acked(PendingMessage message, Delivered delivered) {
    if (bus.wants("ack_message.producer")) {
      Map<String, Object> payload = message(message);
      payload.put("partition", delivered.partition());
      payload.put("offset", delivered.offset());
      bus.event("ack_message.producer", payload);
    }
  }

  /** {@code topic_error.producer}: messages for {@code topic} failed. */
  void topicFailed(String topic, Throwable error) {
    if (bus.wants("topic_error.producer")) {
      Map<String, Object> payload = bus.payload();
      payload.put("topic", topic);
      payload.put("exception", error.getClass().getName() + ": " + error.getMessage());
      bus.event("topic_error.producer", payload);
    }
  }

  private Map<String, Object> message(PendingMessage message) {
    Map<String, Object> payload = bus.payload();
    payload.put("topic", message.topic());
    payload.put("value", text(message.value()));
    payload.put("key", text(message.options().key()));
    return payload;
  }

  private static String text(byte[] bytes) {
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }
}
