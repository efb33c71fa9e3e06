package dev.gregor.client;

/** Processes one batch; throwing stops the consumer without marking the batch as processed. */
@FunctionalInterface
public interface BatchHandler {
  /** Processes one batch; throwing hands the failure to the consumer's error policy. */
  void handle(Batch batch) throws Exception;
}
