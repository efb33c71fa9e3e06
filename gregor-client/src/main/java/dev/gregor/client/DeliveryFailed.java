package dev.gregor.client;

import org.jspecify.annotations.Nullable;

import java.util.List;

/** Messages could not be delivered; {@link #failedMessages()} lists them, and nothing else failed. */
public final class DeliveryFailed extends GregorException {
  private static final long serialVersionUID = 1L;
  private final transient List<PendingMessage> failedMessages;

  /** A delivery that left {@code failedMessages} undelivered. */
  public DeliveryFailed(String message, List<PendingMessage> failedMessages, @Nullable Throwable cause) {
    super(message, cause);
    this.failedMessages = List.copyOf(failedMessages);
  }

  /** The messages that were not delivered, in the order they were produced. */
  public List<PendingMessage> failedMessages() {
    return failedMessages;
  }
}
