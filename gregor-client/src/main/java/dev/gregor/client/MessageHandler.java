package dev.gregor.client;

/** Processes one message; throwing stops the consumer, which reports the topic, partition and offset. */
@FunctionalInterface
public interface MessageHandler {
  /** Processes one message; throwing hands the failure to the consumer's error policy. */
  void handle(Message message) throws Exception;
}
