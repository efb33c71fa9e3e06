package dev.gregor.client;

import org.jspecify.annotations.Nullable;

/**
 * The final outcome of one produced message, as sent to a delivery-report queue
 * (confluent-kafka-go's delivery channel): either {@code delivered} or {@code error} is set.
 */
public record DeliveryReport(PendingMessage message, @Nullable Delivered delivered, @Nullable Throwable error) {

  /** Whether the message was delivered. */
  public boolean succeeded() {
    return error == null;
  }
}
