package dev.gregor.client;

import org.jspecify.annotations.Nullable;

/** A partition count was refused: zero or less, or not more than the topic already has. */
public final class InvalidPartitions extends GregorException {
  private static final long serialVersionUID = 1L;
  private final String topic;

  /** The partition count asked for {@code topic} was refused. */
  public InvalidPartitions(String topic, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.topic = topic;
  }

  /** The topic whose partition count was refused. */
  public String topic() {
    return topic;
  }
}
