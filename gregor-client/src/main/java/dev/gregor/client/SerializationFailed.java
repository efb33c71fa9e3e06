package dev.gregor.client;

import org.jspecify.annotations.Nullable;

/** A value could not be turned into message bytes; nothing was buffered or sent. */
public final class SerializationFailed extends GregorException {
  private static final long serialVersionUID = 1L;

  /** A value that could not be turned into bytes, described by {@code message}. */
  public SerializationFailed(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
