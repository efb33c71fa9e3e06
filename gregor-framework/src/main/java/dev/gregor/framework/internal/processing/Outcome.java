package dev.gregor.framework.internal.processing;

import dev.gregor.client.Message;
import java.util.List;

/**
 * How a chunk went, reported by the pool thread to the listener: the last message finished (to
 * mark); the messages not done — the failed one first, or those handed back when the listener asked;
 * the error, if any; and how many messages were handled in how long.
 */
record Outcome(PartitionWork work, Message lastDone, Throwable error, List<Message> notDone, int handled, long nanos) {
  static Outcome done(PartitionWork work, Message last, int handled, long nanos) {
    return new Outcome(work, last, null, List.of(), handled, nanos);
  }

  boolean failed() {
    return error != null;
  }
}
