package dev.gregor.client;

/** A value could not be turned into message bytes; nothing was buffered or sent. */
public final class SerializationFailed extends GregorException {
  private static final long serialVersionUID = 1L;

  /** A value that could not be turned into bytes, described by {@code message}. */
  public SerializationFailed(String message, Throwable cause) {
    super(message, cause);
  }
}
