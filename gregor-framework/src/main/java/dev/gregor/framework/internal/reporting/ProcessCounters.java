package dev.gregor.framework.internal.reporting;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What this process did since it started, counted where the work happens (pool threads, workers) and read by the
 * reporter: atomics and a short lock per perform or job (not per message), so counting costs next to nothing
 * whether reporting is on or not.
 */
public final class ProcessCounters {
  private final AtomicLong processed = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final BusyTime performs = new BusyTime();
  private final BusyTime jobs = new BusyTime();
  private final AtomicLong jobsDone = new AtomicLong();
  private final AtomicLong jobsFailed = new AtomicLong();

  /** A controller perform (a chunk of messages, or a batch) began on this thread. */
  public void performing() {
    performs.begin();
  }

  /** It ended: {@code handled} messages finished, and whether it failed. */
  public void performed(int handled, boolean failedNow) {
    performs.end();
    processed.addAndGet(handled);
    if (failedNow) {
      failed.incrementAndGet();
    }
  }

  public void jobStarted() {
    jobs.begin();
  }

  public void jobEnded(boolean failedNow) {
    jobs.end();
    (failedNow ? jobsFailed : jobsDone).incrementAndGet();
  }

  public long processed() {
    return processed.get();
  }

  public long failed() {
    return failed.get();
  }

  public int busy() {
    return performs.inProgress();
  }

  /** Thread-nanoseconds spent performing controllers since start. */
  public long busyNanos() {
    return performs.busyNanos();
  }

  public int jobsRunning() {
    return jobs.inProgress();
  }

  /** Thread-nanoseconds spent performing jobs since start. */
  public long jobsBusyNanos() {
    return jobs.busyNanos();
  }

  public long jobsDone() {
    return jobsDone.get();
  }

  public long jobsFailed() {
    return jobsFailed.get();
  }
}
