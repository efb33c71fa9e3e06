package dev.gregor.framework.internal.processing;

import dev.gregor.client.Message;
import java.util.List;

/**
 * How a chunk went, reported by the pool thread to the listener: how many of its messages finished
 * (a prefix), the error, if any, and how long it took. What did not finish — the failed message
 * first, or those handed back when the listener asked — is read again or retried.
 */
record Outcome(Chunk chunk, Throwable error, int handled, long nanos) {
  boolean failed() {
    return error != null;
  }

  /** The finished messages, in chunk order. */
  List<Message> done() {
    return chunk.messages.subList(0, handled);
  }

  /** The messages that did not finish and were not taken back by the listener; listener thread only. */
  List<Message> notDone() {
    return chunk.messages.subList(handled, Math.max(handled, chunk.end));
  }
}
