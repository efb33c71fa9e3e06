package dev.gregor.client;

/** A value could not be turned into message bytes; nothing was buffered or sent. */
public final class SerializationFailed extends GregorException {
  private static final long serialVersionUID = 1L;

  public SerializationFailed(String message, Throwable cause) {
    super(message, cause);
  }
}
