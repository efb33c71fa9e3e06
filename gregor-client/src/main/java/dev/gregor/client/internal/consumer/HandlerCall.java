package dev.gregor.client.internal.consumer;

import dev.gregor.client.ProcessingFailed;

/** Runs a user's handler; what it throws ends reading as a {@link ProcessingFailed} naming where it failed. */
final class HandlerCall {
  /** A handler invocation that may throw anything. */
  interface Work {
    void run() throws Exception;
  }

  private HandlerCall() {}

  static void run(Work work, String groupId, String topic, int partition, long offset) {
    Exception failure = attempt(work);
    if (failure != null) {
      throw failed(failure, groupId, topic, partition, offset, offset);
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

  /** The handler's {@code failure} at {@code first..last} (one offset for a message), with it as the cause. */
  static ProcessingFailed failed(Throwable failure, String groupId, String topic, int partition, long first, long last) {
    return failed(failure, groupId, topic, partition, first, last, "");
  }

  /** As {@link #failed(Throwable, String, String, int, long, long)}, with {@code why} added to the message. */
  static ProcessingFailed failed(Throwable failure, String groupId, String topic, int partition, long first, long last,
      String why) {
    String where = (groupId == null ? "" : "group '" + groupId + "' ") + "topic '" + topic + "' partition " + partition
        + (first == last ? " offset " + first : " offsets " + first + ".." + last);
    return new ProcessingFailed(groupId, topic, partition, first, last,
        "The handler failed on " + where + ": " + failure + why, failure);
  }
}
