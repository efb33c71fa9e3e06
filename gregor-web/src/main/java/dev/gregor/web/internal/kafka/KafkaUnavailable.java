package dev.gregor.web.internal.kafka;

/** Kafka did not answer within the dashboard's timeout: a 503 page that says so and retries. */
public final class KafkaUnavailable extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public KafkaUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
