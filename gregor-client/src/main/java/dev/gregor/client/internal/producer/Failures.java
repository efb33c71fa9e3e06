package dev.gregor.client.internal.producer;

import dev.gregor.client.MessageSizeTooLarge;
import dev.gregor.client.PendingMessage;
import org.apache.kafka.common.errors.RecordTooLargeException;

/** Turns kafka-clients' terse failures into ones that name the message's topic and size. */
final class Failures {
  private Failures() {}

  static Throwable describe(PendingMessage message, Throwable failure) {
    if (failure instanceof RecordTooLargeException) {
      return new MessageSizeTooLarge("A message of " + message.bytesize() + " bytes (key and value) for topic '"
          + message.topic() + "' is larger than the producer's max.request.size or the topic's max.message.bytes: "
          + failure.getMessage(), failure);
    }
    return failure;
  }
}
