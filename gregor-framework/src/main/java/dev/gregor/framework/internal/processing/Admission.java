package dev.gregor.framework.internal.processing;

import dev.gregor.client.Message;
import dev.gregor.framework.Route;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * What a route's flow settings say about a fetched message, on the listener thread: when it is due
 * (its timestamp plus the route's delay, or the due time a retry topic wrote), and whether it is
 * skipped because it expired or the filter refused it.
 */
final class Admission {
  /** Header of retry-topic records: when the record may run again, in epoch milliseconds. */
  static final String RETRY_DUE = "gregor-retry-due";
  /** Header of retry-topic records: which retry this is (1 for the first retry topic). */
  static final String RETRY_ATTEMPT = "gregor-retry-attempt";

  private Admission() {}

  /** When {@code message} may run, in epoch milliseconds. */
  static long dueMillis(Route route, Message message) {
    long due = message.timestamp().toEpochMilli() + route.delay().toMillis();
    if (route.retryTopics() > 0) {
      String retryDue = message.header(RETRY_DUE);
      if (retryDue != null) {
        due = Math.max(due, Long.parseLong(retryDue));
      }
    }
    return due;
  }

  /** Whether {@code message} is committed without running: older than the route's expiry, or filtered out. */
  static boolean skips(Route route, Message message, long nowMillis) {
    Duration expireAfter = route.expireAfter();
    if (expireAfter != null && message.timestamp().toEpochMilli() + expireAfter.toMillis() < nowMillis) {
      return true;
    }
    Predicate<Message> filter = route.filter();
    return filter != null && !filter.test(message);
  }

  /** The retry attempt that wrote {@code message} (0 when it comes from the route's own topic). */
  static int attemptOf(Message message) {
    String attempt = message.header(RETRY_ATTEMPT);
    return attempt == null ? 0 : Integer.parseInt(attempt);
  }
}
