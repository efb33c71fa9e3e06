package dev.gregor.client;

import org.jspecify.annotations.Nullable;

/** A message is larger than the producer's {@code max.request.size} or the topic's {@code max.message.bytes}. */
public final class MessageSizeTooLarge extends GregorException {
  private static final long serialVersionUID = 1L;

  /** A message larger than the topic or producer allows, described by {@code message}. */
  public MessageSizeTooLarge(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
