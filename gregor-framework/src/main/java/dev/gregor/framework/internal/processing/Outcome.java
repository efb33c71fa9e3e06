package dev.gregor.framework.internal.processing;

import dev.gregor.client.Message;
import java.util.List;

/**
 * How a chunk went, reported by the pool thread to the listener: how many of its messages finished
 * (a prefix), the messages not done — the failed one first, or those handed back when the listener
 * asked — the error, if any, and how long it took.
 */
record Outcome(Chunk chunk, Throwable error, List<Message> notDone, int handled, long nanos) {
  static Outcome done(Chunk chunk, long nanos) {
    return new Outcome(chunk, null, List.of(), chunk.messages.size(), nanos);
  }

  boolean failed() {
    return error != null;
  }

  /** The finished messages, in chunk order. */
  List<Message> done() {
    return chunk.messages.subList(0, handled);
  }
}
