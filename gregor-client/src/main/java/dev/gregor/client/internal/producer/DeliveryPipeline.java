package dev.gregor.client.internal.producer;

import dev.gregor.client.DeliveryFailed;
import dev.gregor.client.EventKeys;
import dev.gregor.client.internal.events.Span;
import dev.gregor.client.internal.retry.Backoff;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An async producer's deliveries: each hands what is buffered to Kafka and returns, so the next
 * starts while earlier ones still await their acknowledgements (ruby-kafka's producer waits for
 * each; that barrier halved the throughput). They settle in the order they started. After a
 * failure none starts until every delivery in flight has settled and the backoff has passed, so
 * failed messages go out again ahead of every message produced after them. Only the async
 * producer's worker thread calls it.
 */
final class DeliveryPipeline {
  private static final Logger LOG = LoggerFactory.getLogger(DeliveryPipeline.class);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
  /** Waits for acknowledgements; a producer's waits are chained, so each uses at most one thread at a time. */
  private static final ExecutorService ACKNOWLEDGERS = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "gregor-async-producer-acks");
    thread.setDaemon(true);
    return thread;
  });

  private record Delivery(List<BufferedMessage> batch, Span span, CompletableFuture<BatchSender.Outcome> outcome) {}

  private final MessageBuffer buffer;
  private final BatchSender sender;
  private final Runnable onAcknowledged;
  private final Backoff backoff;
  private final ArrayDeque<Delivery> inFlight = new ArrayDeque<>();
  private CompletableFuture<?> lastAwait = CompletableFuture.completedFuture(null);
  /** A delivery failed since the pipeline was last empty: hold new ones back until it is. */
  private boolean failedInFlight;
  private int failuresInARow;
  private long retryAtNanos;
  private DeliveryFailed lastFailure;

  /** {@code onAcknowledged} runs on another thread when a delivery's acknowledgements are in; it should wake the worker. */
  DeliveryPipeline(MessageBuffer buffer, BatchSender sender, Duration firstBackoff, Runnable onAcknowledged) {
    this.buffer = buffer;
    this.sender = sender;
    this.onAcknowledged = onAcknowledged;
    // Jitter keeps the async producers of many processes from retrying a recovering cluster in step.
    this.backoff = Backoff.exponential(firstBackoff, firstBackoff.compareTo(MAX_BACKOFF) > 0 ? firstBackoff : MAX_BACKOFF)
        .withJitter(0.2);
  }

  /**
   * Starts delivering everything buffered, unless the buffer is empty, a failure holds deliveries
   * back, or (not {@code now}) the backoff after a failure has not passed. Returns whether it started.
   * With {@code moreComing}, kafka-clients may hold the last batch for its linger, to fill it with
   * the next delivery's messages; otherwise it sends at once.
   */
  boolean start(boolean now, boolean moreComing) {
    boolean orderWaits = !inFlight.isEmpty() && (failedInFlight || !sender.keepsOrderAcrossDeliveries());
    if (buffer.size() == 0 || orderWaits || !now && retryAtNanos != 0 && System.nanoTime() - retryAtNanos < 0) {
      return false;
    }
    List<BufferedMessage> batch = buffer.send();
    Span span = buffer.events().delivering(batch.size());
    BatchSender.InFlight sent;
    try {
      sent = sender.start(batch, now || !moreComing);
    } catch (RuntimeException e) {
      span.with(EventKeys.DELIVERED_MESSAGE_COUNT, 0).fail(e);
      buffer.settled(batch, batch);
      failed(new DeliveryFailed(e.getMessage(), List.of(), e), e);
      return false;
    }
    CompletableFuture<BatchSender.Outcome> outcome = lastAwait.handleAsync((previous, error) -> sender.await(sent), ACKNOWLEDGERS);
    lastAwait = outcome;
    outcome.whenComplete((done, error) -> onAcknowledged.run());
    inFlight.add(new Delivery(batch, span, outcome));
    return true;
  }

  /** Settles, oldest first, the deliveries whose acknowledgements are in. */
  void settleAcknowledged() {
    while (!inFlight.isEmpty() && inFlight.peekFirst().outcome().isDone()) {
      settle(inFlight.pollFirst());
    }
  }

  /** Waits for the oldest delivery in flight (bounded by the delivery timeout or the shutdown's cutoff) and settles it. */
  void settleOldest() {
    if (!inFlight.isEmpty()) {
      settle(inFlight.pollFirst());
    }
  }

  /** Waits for every delivery in flight and settles them. */
  void settleAll() {
    while (!inFlight.isEmpty()) {
      settleOldest();
    }
  }

  boolean inFlight() {
    return !inFlight.isEmpty();
  }

  /** When the backoff after a failure ends, or 0 when no failure waits for a retry. */
  long retryAtNanos() {
    return retryAtNanos;
  }

  /** The most recent failed delivery, or null once one succeeded: the reason given for what a shutdown leaves undelivered. */
  DeliveryFailed lastFailure() {
    return lastFailure;
  }

  private void settle(Delivery delivery) {
    DeliveryFailed failed;
    Throwable cause = null;
    BatchSender.Outcome outcome = null;
    try {
      outcome = delivery.outcome().join();
    } catch (CompletionException e) {
      cause = e.getCause() != null ? e.getCause() : e;
    }
    if (outcome != null) {
      failed = BufferDelivery.settle(outcome, delivery.span(), buffer.events(), sender,
          kept -> buffer.settled(delivery.batch(), kept));
    } else {
      delivery.span().with(EventKeys.DELIVERED_MESSAGE_COUNT, 0).fail(cause);
      buffer.settled(delivery.batch(), delivery.batch());
      failed = new DeliveryFailed(cause.getMessage(), List.of(), cause);
    }
    if (failed != null) {
      failed(failed, cause);
    } else if (!failedInFlight) {
      failuresInARow = 0;
      retryAtNanos = 0;
      lastFailure = null;
    }
    if (inFlight.isEmpty()) {
      failedInFlight = false;
    }
  }

  private void failed(DeliveryFailed failed, Throwable unexpected) {
    lastFailure = failed;
    failedInFlight = !inFlight.isEmpty();
    Duration wait = backoff.delay(++failuresInARow);
    retryAtNanos = System.nanoTime() + wait.toNanos();
    if (unexpected != null) {
      LOG.warn("Background delivery failed; {} messages stay buffered; retrying in {} ms", buffer.size(), wait.toMillis(),
          unexpected);
    } else {
      LOG.warn("{}; retrying in {} ms", failed.getMessage(), wait.toMillis());
    }
  }
}
