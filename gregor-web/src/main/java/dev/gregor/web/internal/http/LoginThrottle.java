package dev.gregor.web.internal.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@link #FAILURES} failed logins from one address within {@link #WINDOW}, that
 * address may not try again until {@link #LOCKOUT} after its last failure.
 */
public final class LoginThrottle {
  static final int FAILURES = 5;
  static final Duration WINDOW = Duration.ofMinutes(5);
  static final Duration LOCKOUT = Duration.ofMinutes(1);
  private static final int MAX_ADDRESSES = 10_000;

  private final Clock clock;
  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

  public LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** How long {@code address} must wait before trying again; zero when it may try now. */
  public Duration wait(String address) {
    Deque<Instant> recent = failures.get(address);
    if (recent == null) {
      return Duration.ZERO;
    }
    synchronized (recent) {
      Instant now = clock.instant();
      recent.removeIf(failure -> failure.plus(WINDOW).isBefore(now));
      if (recent.size() < FAILURES) {
        return Duration.ZERO;
      }
      Duration left = Duration.between(now, recent.peekLast().plus(LOCKOUT));
      return left.isNegative() ? Duration.ZERO : left;
    }
  }

  /** Counts a failed login from {@code address}. */
  public void failed(String address) {
    if (failures.size() >= MAX_ADDRESSES) {
      failures.clear(); // a flood of addresses: forget rather than grow without bound
    }
    Deque<Instant> recent = failures.computeIfAbsent(address, unused -> new ArrayDeque<>());
    synchronized (recent) {
      recent.addLast(clock.instant());
      while (recent.size() > FAILURES) {
        recent.removeFirst();
      }
    }
  }

  /** A successful login forgets the address's failures. */
  public void succeeded(String address) {
    failures.remove(address);
  }
}
