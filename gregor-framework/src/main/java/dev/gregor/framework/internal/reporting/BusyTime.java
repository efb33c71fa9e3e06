package dev.gregor.framework.internal.reporting;

/**
 * How many things are in progress now, and that count integrated over time (busy thread-nanoseconds), so a report
 * can say what share of its threads' time an interval kept busy, long performs included while they run.
 */
final class BusyTime {
  private int inProgress;
  private long busyNanos;
  private long since = System.nanoTime();

  synchronized void begin() {
    accrue();
    inProgress++;
  }

  synchronized void end() {
    accrue();
    inProgress--;
  }

  synchronized int inProgress() {
    return inProgress;
  }

  /** Busy thread-nanoseconds since this was made, up to now. */
  synchronized long busyNanos() {
    accrue();
    return busyNanos;
  }

  private void accrue() {
    long now = System.nanoTime();
    busyNanos += inProgress * (now - since);
    since = now;
  }
}
