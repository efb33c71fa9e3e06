package dev.gregor.framework.testkit.internal;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition until it holds or the timeout passes; the failure says what was last seen. */
public final class Waits {
  private static final long POLL_MS = 50;

  private Waits() {}

  public static void until(Duration timeout, BooleanSupplier condition, Supplier<String> lastSeen) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError(lastSeen.get() + " after " + timeout.toMillis() + " ms");
      }
      try {
        Thread.sleep(POLL_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting: " + lastSeen.get(), e);
      }
    }
  }
}
