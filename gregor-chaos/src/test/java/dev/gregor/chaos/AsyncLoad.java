package dev.gregor.chaos;

import dev.gregor.client.AsyncProducer;
import dev.gregor.client.BufferOverflow;
import dev.gregor.client.Delivered;
import dev.gregor.client.Gregor;
import dev.gregor.client.PendingMessage;
import dev.gregor.client.Produce;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The {@link AsyncProducer}: produce returns at once; a full queue waits on {@code flush}, never on a sleep. */
final class AsyncLoad extends Load {
  private final AsyncProducer producer;
  private List<PendingMessage> undelivered = List.of();

  AsyncLoad(Gregor kafka, String topic, History history, Throttle throttle, long limit) {
    super("async", topic, history, throttle, limit);
    this.producer = kafka.asyncProducer(a -> a.deliveryThreshold(50).deliveryInterval(Duration.ofMillis(100))
        .redeliveryBackoff(Duration.ofMillis(200)));
  }

  @Override
  int batchSize() {
    return 10;
  }

  @Override
  CompletableFuture<Delivered> send(Sequenced record, byte[] value, Produce options) {
    while (true) {
      try {
        return producer.produce(topic, value, options);
      } catch (BufferOverflow full) {
        countFailure();
        producer.flush(Duration.ofSeconds(5));
      }
    }
  }

  @Override
  void afterBatch() {}

  @Override
  void finish() {
    undelivered = producer.shutdown(deliveryWait());
  }

  /** What {@code shutdown} could not deliver. */
  List<PendingMessage> undelivered() {
    return undelivered;
  }
}
