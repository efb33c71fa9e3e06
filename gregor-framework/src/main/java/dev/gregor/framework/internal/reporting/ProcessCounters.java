package dev.gregor.framework.internal.reporting;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What this process did since it started, counted where the work happens (pool threads, workers) and read by the
 * reporter: plain atomics, so counting costs next to nothing whether reporting is on or not.
 */
public final class ProcessCounters {
  private final AtomicLong processed = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicInteger busy = new AtomicInteger();
  private final AtomicInteger jobsRunning = new AtomicInteger();
  private final AtomicLong jobsDone = new AtomicLong();
  private final AtomicLong jobsFailed = new AtomicLong();

  /** A controller perform (a chunk of messages, or a batch) began on this thread. */
  public void performing() {
    busy.incrementAndGet();
  }

  /** It ended: {@code handled} messages finished, and whether it failed. */
  public void performed(int handled, boolean failedNow) {
    busy.decrementAndGet();
    processed.addAndGet(handled);
    if (failedNow) {
      failed.incrementAndGet();
    }
  }

  public void jobStarted() {
    jobsRunning.incrementAndGet();
  }

  public void jobEnded(boolean failedNow) {
    jobsRunning.decrementAndGet();
    (failedNow ? jobsFailed : jobsDone).incrementAndGet();
  }

  public long processed() {
    return processed.get();
  }

  public long failed() {
    return failed.get();
  }

  public int busy() {
    return busy.get();
  }

  public int jobsRunning() {
    return jobsRunning.get();
  }

  public long jobsDone() {
    return jobsDone.get();
  }

  public long jobsFailed() {
    return jobsFailed.get();
  }
}
