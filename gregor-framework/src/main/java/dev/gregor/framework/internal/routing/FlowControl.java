package dev.gregor.framework.internal.routing;

import dev.gregor.client.Message;
import java.time.Duration;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * When a route's messages may run and which it skips: a delay after they were written, an age past
 * which they are dropped, a filter, a throttle per partition, a periodic tick, and retry topics.
 *
 * @param retryTopics retry topics a failed message passes before the dead-letter topic (0: retries in place)
 */
public record FlowControl(Duration delay, @Nullable Duration expireAfter, @Nullable Predicate<Message> filter,
    int throttleMessages, Duration throttleInterval, @Nullable Duration tick, int retryTopics, Duration retryBackoff) {

  public static final FlowControl NONE = new FlowControl(Duration.ZERO, null, null, 0, Duration.ZERO, null, 0,
      Duration.ZERO);

  /** Whether a message may have to wait for its due time: a delay or retry topics. */
  public boolean delays() {
    return !delay.isZero() || retryTopics > 0;
  }

  /** The delay before retry {@code attempt} (1-based): the backoff, doubled each time. */
  public Duration retryDelay(int attempt) {
    return retryBackoff.multipliedBy(1L << Math.min(attempt - 1, 20));
  }

  public FlowControl withDelay(Duration value) {
    return new FlowControl(value, expireAfter, filter, throttleMessages, throttleInterval, tick, retryTopics,
        retryBackoff);
  }

  public FlowControl withExpireAfter(Duration value) {
    return new FlowControl(delay, value, filter, throttleMessages, throttleInterval, tick, retryTopics, retryBackoff);
  }

  public FlowControl withFilter(Predicate<Message> value) {
    return new FlowControl(delay, expireAfter, value, throttleMessages, throttleInterval, tick, retryTopics,
        retryBackoff);
  }

  public FlowControl withThrottle(int messages, Duration interval) {
    return new FlowControl(delay, expireAfter, filter, messages, interval, tick, retryTopics, retryBackoff);
  }

  public FlowControl withTick(Duration value) {
    return new FlowControl(delay, expireAfter, filter, throttleMessages, throttleInterval, value, retryTopics,
        retryBackoff);
  }

  public FlowControl withRetryTopics(int topics, Duration backoff) {
    return new FlowControl(delay, expireAfter, filter, throttleMessages, throttleInterval, tick, topics, backoff);
  }
}
