package dev.gregor.client.internal;

import dev.gregor.client.GregorException;

/** Runs a user's handler: unchecked exceptions pass through, checked ones are wrapped naming where it failed. */
final class HandlerCall {
  /** A handler invocation that may throw anything. */
  interface Work {
    void run() throws Exception;
  }

  private HandlerCall() {}

  static void run(Work work, String topic, int partition, long offset) {
    Exception failure = attempt(work);
    if (failure != null) {
      throw rethrowable(failure, topic, partition, offset);
    }
  }

  /** Runs {@code work} and returns what it threw, or null. */
  static Exception attempt(Work work) {
    try {
      work.run();
      return null;
    } catch (Exception e) {
      return e;
    }
  }

  static RuntimeException rethrowable(Exception failure, String topic, int partition, long offset) {
    if (failure instanceof RuntimeException unchecked) {
      return unchecked;
    }
    return new GregorException("The handler failed on topic '" + topic + "' partition " + partition + " offset "
        + offset + ": " + failure.getMessage(), failure);
  }
}
