package dev.gregor.chaos;

import dev.gregor.client.Delivered;
import dev.gregor.client.DeliveryFailed;
import dev.gregor.client.Gregor;
import dev.gregor.client.Produce;
import dev.gregor.client.Producer;
import dev.gregor.client.ProducerSettings;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * ruby-kafka's buffered pattern: produce a batch, {@code deliverMessages}, and on
 * {@link DeliveryFailed} deliver again, since the failed messages stay in the buffer.
 */
final class BufferedLoad extends Load {
  private static final int MAX_REDELIVERIES = 20;
  private final Gregor kafka;
  private final Consumer<ProducerSettings.Builder> settings;
  private Producer producer;
  private long givenUp;

  BufferedLoad(Gregor kafka, String topic, History history, Throttle throttle, long limit,
               Consumer<ProducerSettings.Builder> settings) {
    this(kafka, topic, history, throttle, limit, KEYS, settings);
  }

  BufferedLoad(Gregor kafka, String topic, History history, Throttle throttle, long limit, int keys,
               Consumer<ProducerSettings.Builder> settings) {
    super("buffered", topic, history, throttle, limit, keys);
    this.kafka = kafka;
    this.settings = settings;
  }

  @Override
  int batchSize() {
    return 20;
  }

  @Override
  CompletableFuture<Delivered> send(Sequenced record, byte[] value, Produce options) {
    if (producer == null) {
      producer = kafka.producer(settings); // created on the load's thread, which owns it
    }
    return producer.produce(topic, value, options);
  }

  @Override
  void afterBatch() {
    for (int attempt = 0; producer.bufferSize() > 0; attempt++) {
      try {
        producer.deliverMessages();
      } catch (DeliveryFailed e) {
        countFailure();
        if (attempt >= MAX_REDELIVERIES) {
          givenUp += producer.bufferSize();
          producer.clearBuffer();
        }
      }
    }
  }

  /** Messages dropped after {@value #MAX_REDELIVERIES} failed deliveries in a row. */
  long givenUp() {
    return givenUp;
  }

  @Override
  void finish() {
    if (producer != null) {
      producer.close();
    }
  }
}
