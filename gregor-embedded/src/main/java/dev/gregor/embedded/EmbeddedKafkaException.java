package dev.gregor.embedded;

/** Thrown when an embedded broker cannot be configured, started, stopped or reached. */
public final class EmbeddedKafkaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A failure of the embedded cluster, described by {@code message}. */
  public EmbeddedKafkaException(String message) {
    super(message);
  }

  /** A failure of the embedded cluster, described by {@code message}, caused by {@code cause}. */
  public EmbeddedKafkaException(String message, Throwable cause) {
    super(message, cause);
  }
}
