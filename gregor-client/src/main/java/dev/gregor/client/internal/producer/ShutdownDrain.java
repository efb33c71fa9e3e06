package dev.gregor.client.internal.producer;

import dev.gregor.client.BufferOverflow;
import dev.gregor.client.DeliveryFailed;
import dev.gregor.client.PendingMessage;
import dev.gregor.client.internal.retry.Backoff;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An async producer's last act: delivers what was buffered and what was still queued, in queue
 * order, until a deadline, backing off between failed attempts; then fails and returns what is
 * left, saying why, and closes the Kafka producer.
 */
final class ShutdownDrain {
  private static final Logger LOG = LoggerFactory.getLogger(ShutdownDrain.class);
  // Short first waits: a shutdown has a deadline, and a broker that is back should be used at once.
  private static final Backoff BACKOFF = Backoff.exponential(Duration.ofMillis(100), Duration.ofSeconds(5)).withJitter(0.2);

  private final MessageBuffer buffer;
  private final BatchSender sender;
  private final long deadlineNanos;
  private final List<BufferedMessage> left = new ArrayList<>();
  private DeliveryFailed lastFailure;
  private int failuresInARow;

  /** {@code lastFailure} is the worker's most recent failed delivery, or null: the reason if nothing else fails. */
  ShutdownDrain(MessageBuffer buffer, BatchSender sender, long deadlineNanos, DeliveryFailed lastFailure) {
    this.buffer = buffer;
    this.sender = sender;
    this.deadlineNanos = deadlineNanos;
    this.lastFailure = lastFailure;
  }

  /** Takes a message that was still queued; a full buffer is delivered to make room, as the worker does. */
  void add(BufferedMessage message) {
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
        deliverOrBackOff();
      }
    }
  }

  /** Delivers until the buffer is empty or the deadline passed, fails what is left and closes; returns what is left. */
  List<PendingMessage> finish() {
    while (buffer.size() > 0 && System.nanoTime() < deadlineNanos) {
      deliverOrBackOff();
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

  private void deliverOrBackOff() {
    try {
      lastFailure = BufferDelivery.deliver(buffer, sender);
    } catch (RuntimeException e) {
      lastFailure = new DeliveryFailed(e.getMessage(), List.of(), e);
    }
    if (lastFailure == null) {
      failuresInARow = 0;
      return;
    }
    failuresInARow++;
    sleepUntil(Math.min(deadlineNanos, System.nanoTime() + BACKOFF.delay(failuresInARow).toNanos()));
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
