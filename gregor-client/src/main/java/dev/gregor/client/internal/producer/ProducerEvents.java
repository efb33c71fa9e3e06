package dev.gregor.client.internal.producer;

import dev.gregor.client.ClientEvent;
import dev.gregor.client.EventKeys;
import dev.gregor.client.Delivered;
import dev.gregor.client.PendingMessage;
import dev.gregor.client.internal.events.NotificationBus;
import dev.gregor.client.internal.events.Payload;
import dev.gregor.client.internal.events.RequestStats;
import dev.gregor.client.internal.events.Span;
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
    if (bus.wants(ClientEvent.PRODUCE_MESSAGE)) {
      Map<String, Object> payload = message(message);
      payload.put(EventKeys.BUFFER_SIZE, bufferSize);
      payload.put(EventKeys.MAX_BUFFER_SIZE, maxBufferSize);
      bus.event(ClientEvent.PRODUCE_MESSAGE, payload);
    }
  }

  /** {@code produce_message.producer} for a transaction's send: {@code buffer_size} counts its messages so far. */
  void produced(PendingMessage message, int inTransaction, String transactionalId) {
    if (bus.wants(ClientEvent.PRODUCE_MESSAGE)) {
      Map<String, Object> payload = message(message);
      payload.put(EventKeys.BUFFER_SIZE, inTransaction);
      payload.put(EventKeys.TRANSACTIONAL_ID, transactionalId);
      bus.event(ClientEvent.PRODUCE_MESSAGE, payload);
    }
  }

  /** {@code transaction.producer}: a transaction begins; its span stops when committed and fails when aborted. */
  Span transaction(String transactionalId) {
    if (!bus.wants(ClientEvent.TRANSACTION)) {
      return Span.NONE;
    }
    Map<String, Object> payload = bus.payload();
    payload.put(EventKeys.TRANSACTIONAL_ID, transactionalId);
    return bus.start(ClientEvent.TRANSACTION, payload);
  }

  /** {@code buffer_overflow.producer}: a message did not fit. */
  void overflowed(PendingMessage message, int bufferSize, int maxBufferSize) {
    if (bus.wants(ClientEvent.BUFFER_OVERFLOW)) {
      Map<String, Object> payload = bus.payload();
      payload.put(EventKeys.TOPIC, message.topic());
      payload.put(EventKeys.BUFFER_SIZE, bufferSize);
      payload.put(EventKeys.MAX_BUFFER_SIZE, maxBufferSize);
      bus.event(ClientEvent.BUFFER_OVERFLOW, payload);
    }
  }

  /** {@code deliver_messages.producer}: a delivery of {@code count} messages begins; one attempt, as kafka-clients retries inside it. */
  Span delivering(int count) {
    if (!bus.wants(ClientEvent.DELIVER_MESSAGES)) {
      return Span.NONE;
    }
    Map<String, Object> payload = bus.payload();
    payload.put(EventKeys.ATTEMPTS, 1);
    payload.put(EventKeys.MESSAGE_COUNT, count);
    return bus.start(ClientEvent.DELIVER_MESSAGES, payload);
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
    if (bus.wants(ClientEvent.ACK_MESSAGE)) {
      Map<String, Object> payload = message(message);
      payload.put(EventKeys.PARTITION, delivered.partition());
      payload.put(EventKeys.OFFSET, delivered.offset());
      bus.event(ClientEvent.ACK_MESSAGE, payload);
    }
  }

  /** {@code topic_error.producer}: messages for {@code topic} failed. */
  void topicFailed(String topic, Throwable error) {
    if (bus.wants(ClientEvent.TOPIC_ERROR)) {
      Map<String, Object> payload = bus.payload();
      payload.put(EventKeys.TOPIC, topic);
      payload.put(EventKeys.EXCEPTION, error.getClass().getName() + ": " + error.getMessage());
      bus.event(ClientEvent.TOPIC_ERROR, payload);
    }
  }

  private Map<String, Object> message(PendingMessage message) {
    Payload payload = bus.payload();
    payload.put(EventKeys.TOPIC, message.topic());
    payload.putText(EventKeys.VALUE, message.value());
    payload.putText(EventKeys.KEY, message.options().key());
    return payload;
  }
}
