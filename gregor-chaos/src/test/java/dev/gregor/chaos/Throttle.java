package dev.gregor.chaos;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Lets a load run at about {@code perSecond} records a second, so faults land in the middle of it. */
final class Throttle implements AutoCloseable {
  private final Semaphore permits = new Semaphore(0);
  private final ScheduledExecutorService refill = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "chaos-throttle");
    thread.setDaemon(true);
    return thread;
  });

  Throttle(int perSecond) {
    int every100ms = Math.max(1, perSecond / 10);
    refill.scheduleAtFixedRate(() -> {
      if (permits.availablePermits() < perSecond) {
        permits.release(every100ms);
      }
    }, 0, 100, TimeUnit.MILLISECONDS);
  }

  /** Waits for {@code n} permits; false when none came within a second (the caller checks whether to stop). */
  boolean acquire(int n) throws InterruptedException {
    return permits.tryAcquire(n, 1, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    refill.shutdownNow();
  }
}
