package dev.gregor.client;

import dev.gregor.client.internal.lifecycle.ClientScope;
import dev.gregor.client.internal.names.TopicNames;
import dev.gregor.client.internal.producer.AsyncWorker;
import dev.gregor.client.internal.producer.BufferedMessage;
import dev.gregor.client.internal.producer.ProducerEvents;
import dev.gregor.client.internal.producer.SettlingReport;
import dev.gregor.client.internal.producer.TopicLimits;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ruby-kafka's asynchronous producer: thread-safe, {@link #produce} and {@link #deliverMessages()}
 * return at once, and a background thread delivers — when asked, at a message threshold, or at
 * an interval — retrying failed deliveries with backoff until {@link #shutdown(Duration)}.
 * Deliveries overlap: messages in flight stay in the buffer until acknowledged, so give
 * {@code maxBufferSize} room for a few {@code deliveryThreshold}s (docs/client.md).
 *
 * <pre>{@code
 * AsyncProducer producer = kafka.asyncProducer(a -> a.deliveryThreshold(100).deliveryInterval(Duration.ofSeconds(30)));
 * producer.produce("greetings", "hello");
 * List<PendingMessage> lost = producer.shutdown(Duration.ofSeconds(10)); // delivers what is pending
 * }</pre>
 */
public final class AsyncProducer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AsyncProducer.class);
  private static final AtomicInteger THREADS = new AtomicInteger();
  private static final long INTERRUPTED_WORKER_GRACE_MILLIS = 500;

  private final Config config;
  private final AsyncProducerSettings settings;
  private final AsyncWorker worker;
  private final AtomicInteger outstanding = new AtomicInteger();
  private final ClientScope scope;
  private final Thread thread;
  private final TopicNames.LastChecked topicNames = new TopicNames.LastChecked();
  private final SettlingReport.Listener onSettled = this::settled;
  private volatile boolean shutDown;

  AsyncProducer(Config config, AsyncProducerSettings settings, ProducerEvents events, TopicLimits limits,
      ClientScope scope) {
    this.config = config;
    this.settings = settings;
    this.scope = scope;
    this.worker = new AsyncWorker(config, settings, events, limits);
    this.thread = new Thread(worker, "gregor-async-producer-" + THREADS.incrementAndGet());
    thread.setDaemon(true);
    thread.start();
    scope.add(new ClientScope.Part(ClientScope.Kind.ASYNC_PRODUCER, () -> { }, this::closeFromClient, () -> shutDown));
  }

  /** Queues a message for the background thread; throws {@link BufferOverflow} when {@code maxQueueSize} wait already. */
  public CompletableFuture<Delivered> produce(String topic, @Nullable String value) {
    return produce(topic, value, Produce.options());
  }

  /** Queues a message for the background thread; throws {@link BufferOverflow} when {@code maxQueueSize} wait already. */
  public CompletableFuture<Delivered> produce(String topic, @Nullable String value, Produce options) {
    return produce(topic, value == null ? null : value.getBytes(StandardCharsets.UTF_8), options);
  }

  /** Queues a message for the background thread; throws {@link BufferOverflow} when {@code maxQueueSize} wait already. */
  public CompletableFuture<Delivered> produce(String topic, byte @Nullable [] value, Produce options) {
    requireOpen();
    topicNames.check(topic);
    BufferedMessage message = BufferedMessage.of(new PendingMessage(topic, value, Objects.requireNonNull(options, "options")),
        onSettled);
    outstanding.incrementAndGet(); // before the worker can settle it
    try {
      worker.enqueue(message);
    } catch (BufferOverflow full) {
      outstanding.decrementAndGet();
      throw full;
    }
    return message.report();
  }

  private void settled(PendingMessage message, Delivered delivered, Throwable error) {
    outstanding.decrementAndGet();
    BlockingQueue<DeliveryReport> reports = settings.deliveryReports();
    if (reports != null && !reports.offer(new DeliveryReport(message, delivered, error))) {
      LOG.warn("Delivery report queue is full; dropped the report for a message to topic '{}'", message.topic());
    }
  }

  /** Asks the background thread to deliver everything buffered; returns at once. */
  public void deliverMessages() {
    requireOpen();
    worker.requestDelivery();
  }

  /** Delivers now and waits up to {@code timeout}; returns how many messages are still not delivered. */
  public int flush(Duration timeout) {
    requireOpen();
    try {
      worker.requestDelivery().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // What is still outstanding says how far the delivery got.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return outstanding.get();
  }

  /** Messages produced whose delivery has not yet succeeded or finally failed. */
  public int outstanding() {
    return outstanding.get();
  }

  /**
   * Delivers what is queued and buffered, retrying until {@code timeout}, then stops. Returns the
   * messages it could not deliver (their reports fail with {@link DeliveryFailed}); empty if none.
   * {@code timeout} bounds the call: a delivery under way when it ends is cut short.
   */
  public List<PendingMessage> shutdown(Duration timeout) {
    if (shutDown) {
      return List.of();
    }
    shutDown = true;
    long deadline = System.nanoTime() + timeout.toNanos();
    CompletableFuture<List<PendingMessage>> done = worker.requestShutdown(deadline);
    try {
      try {
        return done.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        // Only a kafka-clients call that waits for metadata (max.block.ms) ignores the deadline; the interrupt ends it.
        thread.interrupt();
        return done.get(INTERRUPTED_WORKER_GRACE_MILLIS, TimeUnit.MILLISECONDS);
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new GregorException("The async producer did not shut down within " + timeout.toMillis() + " ms", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GregorException("Interrupted while shutting the async producer down", e);
    }
  }

  /**
   * {@link #shutdown(Duration)} with the client's delivery timeout; logs what could not be
   * delivered. Closing the {@link Gregor} client that created it does the same within the client's bound.
   */
  @Override
  public void close() {
    closeFromClient(config.deliveryTimeout());
  }

  private void closeFromClient(Duration timeout) {
    List<PendingMessage> undelivered = shutdown(timeout);
    if (!undelivered.isEmpty()) {
      LOG.warn("Async producer closed with {} undelivered messages, for example {}", undelivered.size(), undelivered.get(0));
    }
  }

  private void requireOpen() {
    scope.requireOpen();
    if (shutDown) {
      throw new IllegalStateException("this AsyncProducer is shut down");
    }
  }
}
