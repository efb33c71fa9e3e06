package dev.gregor.client.internal.retry;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff: the first wait, then twice as long per attempt up to a cap, optionally
 * shortened by a random fraction so that many clients failing together do not retry together.
 * Immutable; one home for what error policies, pauses and the async producer's redelivery use.
 */
public final class Backoff {
  private final Duration initial;
  private final Duration max;
  private final double jitter;
  private final DoubleSupplier random;

  private Backoff(Duration initial, Duration max, double jitter, DoubleSupplier random) {
    this.initial = initial;
    this.max = max;
    this.jitter = jitter;
    this.random = random;
  }

  /** Waits {@code initial}, then doubles per attempt, never more than {@code max}. */
  public static Backoff exponential(Duration initial, Duration max) {
    if (initial == null || initial.isNegative()) {
      throw new IllegalArgumentException("backoff initial delay must be zero or more, was " + initial);
    }
    if (max == null || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("backoff maximum must be at least the initial delay (" + initial + "), was " + max);
    }
    return new Backoff(initial, max, 0, () -> 0);
  }

  /** The same backoff with each wait shortened by up to {@code fraction} of itself, at random. */
  public Backoff withJitter(double fraction) {
    return withJitter(fraction, () -> ThreadLocalRandom.current().nextDouble());
  }

  /** {@link #withJitter(double)} drawing from {@code random}, which returns values in [0, 1). */
  public Backoff withJitter(double fraction, DoubleSupplier random) {
    if (!(fraction >= 0 && fraction <= 1)) {
      throw new IllegalArgumentException("backoff jitter must be a fraction from 0 to 1, was " + fraction);
    }
    return new Backoff(initial, max, fraction, random);
  }

  /** The wait before retry number {@code attempt} (1 for the first retry); attempts below 1 count as 1. */
  public Duration delay(int attempt) {
    int doublings = Math.min(Math.max(attempt, 1) - 1, 62);
    long initialNanos = nanos(initial);
    long maxNanos = nanos(max);
    long nanos = initialNanos > (maxNanos >> doublings) ? maxNanos : Math.min(initialNanos << doublings, maxNanos);
    if (jitter > 0) {
      double draw = Math.min(Math.max(random.getAsDouble(), 0), 1);
      nanos -= (long) (nanos * jitter * draw);
    }
    return Duration.ofNanos(nanos);
  }

  /** Durations beyond what nanoseconds hold (about 292 years) count as that much. */
  private static long nanos(Duration duration) {
    try {
      return duration.toNanos();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
  }

  @Override
  public String toString() {
    return "Backoff[" + initial + " doubling to " + max + (jitter > 0 ? ", jitter " + jitter : "") + "]";
  }
}
