package dev.gregor.client;

import org.jspecify.annotations.Nullable;

/** No seed broker answered within the connect timeout; the message names every address tried. */
public final class ConnectionFailed extends GregorException {
  private static final long serialVersionUID = 1L;

  /** A failure to connect, its message naming the cause. */
  public ConnectionFailed(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
