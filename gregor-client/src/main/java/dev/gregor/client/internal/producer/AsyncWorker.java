package dev.gregor.client.internal.producer;

import dev.gregor.client.AsyncProducerSettings;
import dev.gregor.client.BufferOverflow;
import dev.gregor.client.Config;
import dev.gregor.client.DeliveryFailed;
import dev.gregor.client.PendingMessage;
import dev.gregor.client.internal.retry.Backoff;
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
  private static final Duration MAX_REDELIVERY_BACKOFF = Duration.ofSeconds(30);

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
  private final Backoff redeliveryBackoff;
  private int failedDeliveries;
  /** Set by a shutdown request, so the worker stops taking the slow path for messages queued before it. */
  private volatile Shutdown shutdownRequest;
  /** The most recent failed delivery, or null once one succeeded: the reason given for what shutdown leaves undelivered. */
  private DeliveryFailed lastFailure;

  public AsyncWorker(Config config, AsyncProducerSettings settings, ProducerEvents events, TopicLimits limits) {
    this.settings = settings;
    this.queueSpace = new Semaphore(settings.maxQueueSize());
    this.buffer = new MessageBuffer(settings.producer().maxBufferSize(), settings.producer().maxBufferBytesize(), events);
    this.sender = new BatchSender(config, settings.producer(), limits);
    // Jitter keeps the async producers of many processes from retrying a recovering cluster in step.
    Duration first = settings.redeliveryBackoff();
    this.redeliveryBackoff = Backoff.exponential(first, first.compareTo(MAX_REDELIVERY_BACKOFF) > 0 ? first : MAX_REDELIVERY_BACKOFF)
        .withJitter(0.2);
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
      failedDeliveries = 0;
    } else {
      Duration wait = redeliveryBackoff.delay(++failedDeliveries);
      LOG.warn("{}; retrying in {} ms", failed.getMessage(), wait.toMillis());
      nextRetryNanos = System.nanoTime() + wait.toNanos();
    }
  }

  /** Hands everything still queued, in queue order, to a {@link ShutdownDrain} that delivers it until the deadline. */
  private List<PendingMessage> drainAndClose(long deadlineNanos, Operation taken) {
    List<Operation> rest = new ArrayList<>();
    if (taken != null) {
      rest.add(taken);
    }
    queue.drainTo(rest);
    ShutdownDrain drain = new ShutdownDrain(buffer, sender, deadlineNanos, lastFailure);
    for (Operation operation : rest) {
      if (operation instanceof Message message) {
        queueSpace.release();
        drain.add(message.message());
      } else if (operation instanceof Deliver deliver) {
        deliver.done().complete(null);
      } else if (operation instanceof Shutdown other && other != shutdownRequest) {
        other.done().complete(List.of());
      }
    }
    return drain.finish();
  }

  private long nextWakeup() {
    long interval = settings.deliveryInterval().isZero() ? Long.MAX_VALUE : nextIntervalNanos;
    return buffer.size() == 0 ? interval : Math.min(interval, nextRetryNanos);
  }

  private long intervalFromNow() {
    return settings.deliveryInterval().isZero() ? Long.MAX_VALUE : System.nanoTime() + settings.deliveryInterval().toNanos();
  }
}
