package dev.gregor.client.internal.consumer;

import dev.gregor.client.Event;
import java.time.Duration;

/**
 * Runs a consumer on its own thread and hands its events to a {@link Sink} — a queue or a
 * {@code Flow} subscriber. While the sink takes nothing, every partition is paused and the
 * thread keeps polling, so a slow application costs neither memory nor the group membership.
 */
final class EventPump implements Runnable {
  /** Where events go. */
  interface Sink {
    /** Takes {@code event} now, or returns false when there is no room (no demand) for it yet. */
    boolean offer(Event event) throws InterruptedException;

    /** The pump stopped: normally ({@code failure} null) or because of {@code failure}. */
    void finished(Throwable failure);
  }

  private static final Duration IDLE = Duration.ofMillis(100);

  private final PolledMember group;
  private final EventPoller poller;
  private final Sink sink;

  EventPump(PolledMember group, Sink sink) {
    this.group = group;
    this.poller = new EventPoller(group, false);
    this.sink = sink;
  }

  /** Starts the pump on a daemon thread named after the group. */
  static void start(PolledMember group, Sink sink, String name) {
    Thread thread = new Thread(new EventPump(group, sink), name);
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void run() {
    Throwable failure = null;
    try {
      Event waiting = null;
      while (!group.stopRequested()) {
        if (waiting == null) {
          waiting = poller.poll(GroupMember.POLL);
        } else if (sink.offer(waiting)) {
          waiting = null;
          group.partitions().backpressure(false);
        } else {
          group.partitions().backpressure(true);
          poller.keepAlive(IDLE);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Throwable t) {
      failure = t;
    } finally {
      try {
        group.close();
      } catch (RuntimeException e) {
        failure = failure == null ? e : failure;
      }
      sink.finished(failure);
    }
  }
}
