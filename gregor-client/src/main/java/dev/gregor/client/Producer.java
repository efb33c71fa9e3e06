package dev.gregor.client;

import dev.gregor.client.internal.consumer.OwnerThread;
import dev.gregor.client.internal.lifecycle.CallGate;
import dev.gregor.client.internal.lifecycle.ClientScope;
import dev.gregor.client.internal.names.TopicNames;
import dev.gregor.client.internal.producer.BatchSender;
import dev.gregor.client.internal.producer.BufferDelivery;
import dev.gregor.client.internal.producer.MessageBuffer;
import dev.gregor.client.internal.producer.ProducerEvents;
import dev.gregor.client.internal.producer.TopicLimits;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * ruby-kafka's buffered producer: {@link #produce} only buffers, {@link #deliverMessages()}
 * sends the buffer, and messages leave the buffer only once Kafka acknowledged them.
 * Not thread-safe: use it from one thread (a second thread gets an exception), or use
 * {@link AsyncProducer}.
 *
 * <pre>{@code
 * try (Producer producer = kafka.producer()) {
 *   producer.produce("greetings", "hello1");
 *   producer.produce("greetings", "hello2", Produce.key("k"));
 *   producer.deliverMessages(); // DeliveryFailed: the failed messages stay buffered
 * }
 * }</pre>
 */
public final class Producer implements AutoCloseable {
  private final MessageBuffer buffer;
  private final BatchSender sender;
  private final OwnerThread owner = new OwnerThread("Producer");
  private final CallGate gate;
  private final TopicNames.LastChecked topicNames = new TopicNames.LastChecked();
  private volatile boolean closed;

  Producer(Config config, ProducerSettings settings, ProducerEvents events, TopicLimits limits, ClientScope scope) {
    this.buffer = new MessageBuffer(settings.maxBufferSize(), settings.maxBufferBytesize(), events);
    this.sender = new BatchSender(config, settings, limits);
    this.gate = new CallGate(scope, this::release);
    scope.add(new ClientScope.Part(ClientScope.Kind.PRODUCER, () -> { }, timeout -> gate.closeFromClient(), () -> closed));
  }

  /** Buffers a UTF-8 message; the returned report completes once a delivery got it acknowledged. */
  public CompletableFuture<Delivered> produce(String topic, @Nullable String value) {
    return produce(topic, value, Produce.options());
  }

  /** Buffers a UTF-8 message with options (key, partition, partition key, headers, create time). */
  public CompletableFuture<Delivered> produce(String topic, @Nullable String value, Produce options) {
    return produce(topic, value == null ? null : value.getBytes(StandardCharsets.UTF_8), options);
  }

  /** Buffers a message of raw bytes; throws {@link BufferOverflow} when a buffer limit would be passed. */
  public CompletableFuture<Delivered> produce(String topic, byte @Nullable [] value, Produce options) {
    return call(() -> {
      topicNames.check(topic);
      return buffer.add(new PendingMessage(topic, value, Objects.requireNonNull(options, "options"))).report();
    });
  }

  /**
   * Sends every buffered message and waits for Kafka's acknowledgements. Delivered messages leave
   * the buffer; if any failed, throws {@link DeliveryFailed} listing them, and they stay buffered
   * for the next call.
   */
  public void deliverMessages() {
    call(() -> {
      DeliveryFailed failed = BufferDelivery.deliver(buffer, sender);
      if (failed != null) {
        throw failed;
      }
      return null;
    });
  }

  /** Messages waiting in the buffer. */
  public int bufferSize() {
    return call(buffer::size);
  }

  /** Bytes (keys and values) waiting in the buffer. */
  public long bufferBytesize() {
    return call(buffer::bytesize);
  }

  /** Drops every buffered message; their reports fail with {@link java.util.concurrent.CancellationException}. */
  public void clearBuffer() {
    call(() -> {
      buffer.clear().forEach(message -> message.report().cancel(false));
      return null;
    });
  }

  /** ruby-kafka's {@code shutdown}: the same as {@link #close()}. */
  public void shutdown() {
    close();
  }

  /**
   * Closes the connections; messages still buffered are not delivered and their reports are
   * cancelled. Closing the {@link Gregor} client that created it does the same.
   */
  @Override
  public void close() {
    if (gate.closedByClient()) {
      return;
    }
    owner.check();
    release();
  }

  private synchronized void release() {
    if (!closed) {
      closed = true;
      buffer.clear().forEach(message -> message.report().cancel(false));
      sender.close();
    }
  }

  /** Runs one call on the owner thread; the client's close waits for it to return before releasing the buffer. */
  private <T> T call(Supplier<T> body) {
    gate.enter();
    try {
      owner.check();
      if (closed) {
        throw new IllegalStateException("this Producer is closed");
      }
      return body.get();
    } finally {
      gate.exit();
    }
  }
}
