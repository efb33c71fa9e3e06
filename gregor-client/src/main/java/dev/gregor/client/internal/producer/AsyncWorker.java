package dev.gregor.client.internal.producer;

import dev.gregor.client.AsyncProducerSettings;
import dev.gregor.client.BufferOverflow;
import dev.gregor.client.Config;
import dev.gregor.client.DeliveryFailed;
import dev.gregor.client.PendingMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background thread of an async producer: it alone owns the buffer and the Kafka producer,
 * and callers reach it through a queue (ruby-kafka's async producer design).
 */
public final class AsyncWorker implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(AsyncWorker.class);
  private static final long MAX_REDELIVERY_BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(30);

  private sealed interface Operation permits Message, Deliver, Shutdown {}

  private record Message(BufferedMessage message) implements Operation {}

  private record Deliver(CompletableFuture<Void> done) implements Operation {}

  private record Shutdown(long deadlineNanos, CompletableFuture<List<PendingMessage>> done) implements Operation {}

  private final AsyncProducerSettings settings;
  private final BlockingQueue<Operation> queue = new LinkedBlockingQueue<>();
  private final Semaphore queueSpace;
  private final MessageBuffer buffer;
  private final BatchSender sender;
  private long nextIntervalNanos;
  private long nextRetryNanos = Long.MAX_VALUE;
  private long retryBackoffNanos;
  /** Set by a shutdown request, so the worker stops taking the slow path for messages queued before it. */
  private volatile Shutdown shutdownRequest;
  /** The most recent failed delivery, or null once one succeeded: the reason given for what shutdown leaves undelivered. */
  private DeliveryFailed lastFailure;

  public AsyncWorker(Config config, AsyncProducerSettings settings, ProducerEvents events, TopicLimits limits) {
    this.settings = settings;
    this.queueSpace = new Semaphore(settings.maxQueueSize());
    this.buffer = new MessageBuffer(settings.producer().maxBufferSize(), settings.producer().maxBufferBytesize(), events);
    this.sender = new BatchSender(config, settings.producer(), limits);
    this.retryBackoffNanos = settings.redeliveryBackoff().toNanos();
    this.nextIntervalNanos = intervalFromNow();
  }

  /** Queues a message for the worker, or throws {@link BufferOverflow} when {@code maxQueueSize} are waiting. */
  public void enqueue(BufferedMessage message) {
    if (!queueSpace.tryAcquire()) {
      throw new BufferOverflow("Cannot queue a message for topic '" + message.message().topic() + "': "
          + settings.maxQueueSize() + " messages (maxQueueSize) are already waiting for the background thread");
    }
    queue.add(new Message(message));
  }

  public CompletableFuture<Void> requestDelivery() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    queue.add(new Deliver(done));
    return done;
  }

  /** Asks the worker to deliver what it holds by {@code deadlineNanos} and stop; a delivery under way is cut short to it. */
  public CompletableFuture<List<PendingMessage>> requestShutdown(long deadlineNanos) {
    CompletableFuture<List<PendingMessage>> done = new CompletableFuture<>();
    Shutdown shutdown = new Shutdown(deadlineNanos, done);
    sender.cutOff(deadlineNanos);
    shutdownRequest = shutdown;
    queue.add(shutdown);
    return done;
  }

  @Override
  public void run() {
    try {
      while (true) {
        long wakeup = nextWakeup();
        long wait = wakeup == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(0, wakeup - System.nanoTime());
        Operation operation = queue.poll(wait, TimeUnit.NANOSECONDS);
        Shutdown shutdown = shutdownRequest;
        if (shutdown != null) {
          // The operation just taken goes first: it was queued before everything still waiting.
          shutdown.done().complete(drainAndClose(shutdown.deadlineNanos(), operation));
          return;
        }
        if (operation == null) {
          deliver();
        } else if (operation instanceof Message message) {
          queueSpace.release();
          buffer(message.message());
        } else if (operation instanceof Deliver deliver) {
          deliver();
          deliver.done().complete(null);
        }
      }
    } catch (InterruptedException e) {
      Shutdown shutdown = shutdownRequest;
      List<PendingMessage> left = drainAndClose(System.nanoTime(), null);
      if (shutdown != null) {
        shutdown.done().complete(left);
      }
    }
  }

  private void buffer(BufferedMessage message) {
    try {
      buffer.add(message);
    } catch (BufferOverflow full) {
      deliver(); // make room by sending what is buffered, then try once more
      try {
        buffer.add(message);
      } catch (BufferOverflow stillFull) {
        message.report().completeExceptionally(stillFull);
        return;
      }
    }
    if (settings.deliveryThreshold() > 0 && buffer.size() >= settings.deliveryThreshold()) {
      deliver();
    }
  }

  private void deliver() {
    nextIntervalNanos = intervalFromNow();
    DeliveryFailed failed;
    try {
      failed = BufferDelivery.deliver(buffer, sender);
    } catch (RuntimeException e) {
      LOG.warn("Background delivery failed; {} messages stay buffered", buffer.size(), e);
      failed = new DeliveryFailed(e.getMessage(), List.of(), e);
    }
    lastFailure = failed;
    if (failed == null) {
      nextRetryNanos = Long.MAX_VALUE;
      retryBackoffNanos = settings.redeliveryBackoff().toNanos();
    } else {
      LOG.warn("{}; retrying in {} ms", failed.getMessage(), TimeUnit.NANOSECONDS.toMillis(retryBackoffNanos));
      nextRetryNanos = System.nanoTime() + retryBackoffNanos;
      retryBackoffNanos = Math.min(retryBackoffNanos * 2, MAX_REDELIVERY_BACKOFF_NANOS);
    }
  }

  /**
   * Delivers everything still queued or buffered, in queue order, until the deadline, then fails
   * and returns what is left. A buffer that fills up is delivered to make room, as {@link #buffer} does.
   */
  private List<PendingMessage> drainAndClose(long deadlineNanos, Operation taken) {
    List<Operation> rest = new ArrayList<>();
    if (taken != null) {
      rest.add(taken);
    }
    queue.drainTo(rest);
    List<BufferedMessage> left = new ArrayList<>();
    long[] backoff = {TimeUnit.MILLISECONDS.toNanos(100)};
    for (Operation operation : rest) {
      if (operation instanceof Message message) {
        queueSpace.release();
        bufferWhileDraining(message.message(), deadlineNanos, backoff, left);
      } else if (operation instanceof Deliver deliver) {
        deliver.done().complete(null);
      } else if (operation instanceof Shutdown other && other != shutdownRequest) {
        other.done().complete(List.of());
      }
    }
    while (buffer.size() > 0 && System.nanoTime() < deadlineNanos) {
      deliverOrBackOff(deadlineNanos, backoff);
    }
    List<BufferedMessage> undelivered = new ArrayList<>(buffer.clear());
    undelivered.addAll(left);
    // Stopping is done: an interrupt from a shutdown that ran out of time must not fail the close.
    Thread.interrupted();
    List<PendingMessage> messages = new ArrayList<>();
    // Say why: the last failed attempt (such as a topic that no longer exists) is the cause.
    Throwable why = lastFailure == null ? null : lastFailure.getCause() != null ? lastFailure.getCause() : lastFailure;
    for (BufferedMessage message : undelivered) {
      messages.add(message.message());
      message.report().completeExceptionally(new DeliveryFailed("The async producer shut down before this message to topic '"
          + message.message().topic() + "' could be delivered" + (why == null ? "" : "; the last attempt failed: " + why.getMessage()),
          List.of(message.message()), why));
    }
    try {
      sender.close();
    } catch (RuntimeException e) {
      LOG.warn("Closing the async producer's Kafka producer failed", e);
    }
    return messages;
  }

  private void bufferWhileDraining(BufferedMessage message, long deadlineNanos, long[] backoff, List<BufferedMessage> left) {
    if (!left.isEmpty()) {
      left.add(message); // once one message is left over, later ones must not overtake it
      return;
    }
    while (true) {
      try {
        buffer.add(message);
        return;
      } catch (BufferOverflow full) {
        if (buffer.size() == 0) {
          message.report().completeExceptionally(full); // too large for the buffer on its own
          return;
        }
        if (System.nanoTime() >= deadlineNanos) {
          left.add(message);
          return;
        }
        deliverOrBackOff(deadlineNanos, backoff);
      }
    }
  }

  private void deliverOrBackOff(long deadlineNanos, long[] backoff) {
    DeliveryFailed failed = deliverQuietly();
    lastFailure = failed;
    if (failed != null) {
      sleepUntil(Math.min(deadlineNanos, System.nanoTime() + backoff[0]));
      backoff[0] = Math.min(backoff[0] * 2, TimeUnit.SECONDS.toNanos(5));
    }
  }

  private DeliveryFailed deliverQuietly() {
    try {
      return BufferDelivery.deliver(buffer, sender);
    } catch (RuntimeException e) {
      return new DeliveryFailed(e.getMessage(), List.of(), e);
    }
  }

  private long nextWakeup() {
    long interval = settings.deliveryInterval().isZero() ? Long.MAX_VALUE : nextIntervalNanos;
    return buffer.size() == 0 ? interval : Math.min(interval, nextRetryNanos);
  }

  private long intervalFromNow() {
    return settings.deliveryInterval().isZero() ? Long.MAX_VALUE : System.nanoTime() + settings.deliveryInterval().toNanos();
  }

  private static void sleepUntil(long nanos) {
    long wait = nanos - System.nanoTime();
    if (wait > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
