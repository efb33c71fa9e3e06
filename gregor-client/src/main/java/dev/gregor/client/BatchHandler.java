package dev.gregor.client;

/** Processes one batch; throwing stops the consumer without marking the batch as processed. */
@FunctionalInterface
public interface BatchHandler {
  void handle(Batch batch) throws Exception;
}
