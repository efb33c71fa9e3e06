package dev.gregor.framework.internal.processing;

import dev.gregor.client.GroupConsumer;
import dev.gregor.client.Message;
import dev.gregor.framework.Route;
import java.util.Collection;
import java.util.function.BiConsumer;

/**
 * Holds fetched messages that are not due yet (a route's delay, or a retry topic's due time) in their
 * partition's gate, in fetch order, with the partition paused: no thread sleeps, polling goes on.
 */
final class DelayGate {
  private final GroupConsumer consumer;

  DelayGate(GroupConsumer consumer) {
    this.consumer = consumer;
  }

  /** Whether {@code message} must wait (it then does, in the gate); false when it may go on at once. */
  boolean holds(PartitionWork work, Message message) {
    Route route = work.route;
    if (route.delay().isZero() && route.retryTopics() == 0) {
      return false;
    }
    if (work.gate.isEmpty() && Admission.dueMillis(route, message) <= System.currentTimeMillis()) {
      return false;
    }
    work.gate.add(message);
    if (!work.pausedForDelay) {
      work.pausedForDelay = true;
      consumer.pause(work.partition.topic(), work.partition.partition());
    }
    return true;
  }

  /** Hands messages that came due to {@code enter}; resumes a partition whose gate emptied. */
  void release(Collection<PartitionWork> works, BiConsumer<PartitionWork, Message> enter) {
    long now = System.currentTimeMillis();
    for (PartitionWork work : works) {
      while (!work.gate.isEmpty() && Admission.dueMillis(work.route, work.gate.peek()) <= now) {
        enter.accept(work, work.gate.poll());
      }
      if (work.gate.isEmpty() && work.pausedForDelay) {
        work.pausedForDelay = false;
        if (!work.held()) {
          consumer.resume(work.partition.topic(), work.partition.partition());
        }
      }
    }
  }

  /** The earlier of {@code due} and when the partition's oldest gated message comes due (System.nanoTime). */
  static long nextDue(PartitionWork work, long due, long nowNanos, long nowMillis) {
    if (work.gate.isEmpty()) {
      return due;
    }
    long gateDue = nowNanos + (Admission.dueMillis(work.route, work.gate.peek()) - nowMillis) * 1_000_000L;
    return gateDue - due < 0 ? gateDue : due;
  }
}
