package dev.gregor.client;

/**
 * The final outcome of one produced message, as sent to a delivery-report queue
 * (confluent-kafka-go's delivery channel): either {@code delivered} or {@code error} is set.
 */
public record DeliveryReport(PendingMessage message, Delivered delivered, Throwable error) {

  /** Whether the message was delivered. */
  public boolean succeeded() {
    return error == null;
  }
}
