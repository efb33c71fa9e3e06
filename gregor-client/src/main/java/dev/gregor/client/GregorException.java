package dev.gregor.client;

import org.jspecify.annotations.Nullable;

/** The root of Gregor's exceptions: each says what failed, for which topic or broker, and why. */
public class GregorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A failure described by {@code message}, caused by {@code cause} (may be null). */
  public GregorException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
