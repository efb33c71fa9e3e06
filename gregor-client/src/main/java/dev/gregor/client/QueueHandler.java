package dev.gregor.client;

/** Processes one queued message: returning accepts it; throwing releases it for redelivery (or rejects it after the limit). */
@FunctionalInterface
public interface QueueHandler {
  /** Processes one message; returning accepts it, throwing releases it for another delivery. */
  void handle(QueuedMessage message) throws Exception;
}
