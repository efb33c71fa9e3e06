package dev.gregor.client;

/** Processes one message; throwing stops the consumer, which reports the topic, partition and offset. */
@FunctionalInterface
public interface MessageHandler {
  void handle(Message message) throws Exception;
}
