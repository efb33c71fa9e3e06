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
    try {
      work.run();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new GregorException("The handler failed on topic '" + topic + "' partition " + partition + " offset "
          + offset + ": " + e.getMessage(), e);
    }
  }
}
