package dev.gregor.client;

import dev.gregor.client.internal.retry.Backoff;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * What a group {@link GroupConsumer} does when a handler throws: stop (the default), skip the
 * message, or retry it later. A retry pauses only the failing partition and keeps polling, so
 * a long backoff never costs the group membership.
 */
@FunctionalInterface
public interface ErrorPolicy {

  /** Decides, on the polling thread, what happens to the failed message or batch; never null. */
  Decision decide(HandlerFailure failure);

  /** End {@code eachMessage}/{@code eachBatch} with {@link ProcessingFailed}; the failed message is not committed. */
  static ErrorPolicy stop() {
    return failure -> Decision.stop();
  }

  /** Report the failure, mark the message processed and go on with the next one. */
  static ErrorPolicy skip(Consumer<HandlerFailure> report) {
    Objects.requireNonNull(report, "report");
    return failure -> {
      report.accept(failure);
      return Decision.skip();
    };
  }

  /**
   * Retry up to {@code attempts} times in all, waiting {@code backoff}, then twice as long each
   * time up to {@code maxBackoff}; after the last attempt, {@code then} decides.
   */
  static ErrorPolicy retry(int attempts, Duration backoff, Duration maxBackoff, ErrorPolicy then) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
    }
    if (backoff == null || backoff.isNegative() || maxBackoff == null || maxBackoff.compareTo(backoff) < 0) {
      throw new IllegalArgumentException("backoff must be zero or more and maxBackoff at least backoff, were "
          + backoff + " and " + maxBackoff);
    }
    Objects.requireNonNull(then, "then");
    Backoff waits = Backoff.exponential(backoff, maxBackoff);
    return failure -> failure.attempt() >= attempts ? then.decide(failure) : Decision.retryAfter(waits.delay(failure.attempt()));
  }

  /** Retry as {@link #retry(int, Duration, Duration, ErrorPolicy)} does, then stop. */
  static ErrorPolicy retry(int attempts, Duration backoff, Duration maxBackoff) {
    return retry(attempts, backoff, maxBackoff, stop());
  }

  /** The outcome of {@link #decide}: stop, skip, or retry after a pause. */
  final class Decision {
    private static final Decision STOP = new Decision(null, false);
    private static final Decision SKIP = new Decision(null, true);

    private final @Nullable Duration retryAfter;
    private final boolean skip;

    private Decision(@Nullable Duration retryAfter, boolean skip) {
      this.retryAfter = retryAfter;
      this.skip = skip;
    }

    /** End {@code eachMessage}/{@code eachBatch} with {@link ProcessingFailed}; the failed message is not committed. */
    public static Decision stop() {
      return STOP;
    }

    /** Report the failure, mark the message processed and go on with the next one. */
    public static Decision skip() {
      return SKIP;
    }

    /** Pause the partition for {@code wait}, then deliver the failed message again. */
    public static Decision retryAfter(Duration wait) {
      if (wait == null || wait.isNegative()) {
        throw new IllegalArgumentException("wait must be zero or more, was " + wait);
      }
      return new Decision(wait, false);
    }

    /** Whether the consumer stops. */
    public boolean stops() {
      return this == STOP;
    }

    /** Whether the failed message is skipped (marked processed) and the consumer goes on. */
    public boolean skips() {
      return skip;
    }

    /** The pause before the retry, or null when this is not a retry. */
    public @Nullable Duration retryAfter() {
      return retryAfter;
    }
  }
}
