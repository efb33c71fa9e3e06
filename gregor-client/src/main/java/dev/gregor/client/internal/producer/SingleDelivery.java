package dev.gregor.client.internal.producer;

import dev.gregor.client.EventKeys;
import dev.gregor.client.Config;
import dev.gregor.client.Delivered;
import dev.gregor.client.DeliveryFailed;
import dev.gregor.client.Partitioner;
import dev.gregor.client.PendingMessage;
import dev.gregor.client.Produce;
import dev.gregor.client.internal.config.ClientProperties;
import dev.gregor.client.internal.events.RequestStats;
import dev.gregor.client.internal.events.Span;
import dev.gregor.client.internal.names.TopicNames;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** ruby-kafka's {@code deliver_message}: one message, sent and acknowledged before the call returns. */
public final class SingleDelivery implements AutoCloseable {
  private final Config config;
  private final ProducerEvents events;
  private final TopicLimits limits;
  private KafkaProducer<byte[], byte[]> producer;
  private RequestStats requestStats;

  public SingleDelivery(Config config, ProducerEvents events, TopicLimits limits) {
    this.config = config;
    this.events = events;
    this.limits = limits;
  }

  public Delivered deliver(PendingMessage message) {
    TopicNames.check(message.topic());
    Produce options = message.options();
    Span span = events.delivering(1);
    TopicLimits.Topic topic = limits.describe(List.of(message.topic())).get(message.topic());
    RuntimeException refused = SendRefusals.refusal(message, topic,
        !"none".equals(String.valueOf(config.properties().getOrDefault("compression.type", "none"))));
    if (refused != null) {
      throw failed(span, message, refused);
    }
    try {
      KafkaProducer<byte[], byte[]> kafka = producer();
      // Keyed messages go to kafka-clients' own murmur2, which Partitioner.murmur2() matches.
      Integer partition = options.partition() != null || options.partitionKey() != null
          ? Partitions.resolve(kafka, Partitioner.murmur2(), message) : null;
      RecordMetadata metadata = kafka.send(ProducerRecords.of(message, partition)).get(config.deliveryTimeout().toMillis() + 5_000, TimeUnit.MILLISECONDS);
      Delivered delivered = new Delivered(metadata.topic(), metadata.partition(), metadata.offset(),
          Instant.ofEpochMilli(metadata.timestamp()));
      events.acked(message, delivered);
      synchronized (this) { // deliverMessage may run on many threads at once
        requestStats = events.requests(requestStats, kafka);
      }
      span.with(EventKeys.DELIVERED_MESSAGE_COUNT, 1).stop();
      return delivered;
    } catch (ExecutionException e) {
      throw failed(span, message, SendRefusals.describe(message, e.getCause(), topic));
    } catch (TimeoutException e) {
      throw failed(span, message, e);
    } catch (RuntimeException e) {
      throw failed(span, message, SendRefusals.describe(message, e, topic));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failed(span, message, e);
    }
  }

  private synchronized KafkaProducer<byte[], byte[]> producer() {
    if (producer == null) {
      producer = new KafkaProducer<>(ClientProperties.singleDeliveryProducer(config), new ByteArraySerializer(),
          new ByteArraySerializer());
    }
    return producer;
  }

  private DeliveryFailed failed(Span span, PendingMessage message, Throwable cause) {
    events.topicFailed(message.topic(), cause);
    // Only a failure that waited says how long: a refused message or a bad partition failed at once.
    boolean waited = cause instanceof TimeoutException || cause instanceof org.apache.kafka.common.errors.TimeoutException;
    DeliveryFailed failed = new DeliveryFailed("Could not deliver a message to topic '" + message.topic() + "'"
        + (message.options().partition() == null ? "" : " partition " + message.options().partition())
        + (waited ? " within " + config.deliveryTimeout().toMillis() + " ms" : "") + ": "
        + cause.getClass().getSimpleName() + ": " + cause.getMessage(), List.of(message), cause);
    span.with(EventKeys.DELIVERED_MESSAGE_COUNT, 0).fail(failed);
    return failed;
  }

  @Override
  public synchronized void close() {
    if (producer != null) {
      producer.close(config.deliveryTimeout());
      producer = null;
    }
  }
}
