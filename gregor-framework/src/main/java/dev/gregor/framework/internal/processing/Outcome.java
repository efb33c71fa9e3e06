package dev.gregor.framework.internal.processing;

import dev.gregor.client.Message;
import java.util.List;

/**
 * How a chunk went, reported by the pool thread to the listener: the last message finished (to
 * mark), and on failure the error and the messages not done yet, the failed one first.
 */
record Outcome(PartitionWork work, Message lastDone, Throwable error, List<Message> notDone) {
  static Outcome done(PartitionWork work, Message last) {
    return new Outcome(work, last, null, List.of());
  }

  boolean failed() {
    return error != null;
  }
}
