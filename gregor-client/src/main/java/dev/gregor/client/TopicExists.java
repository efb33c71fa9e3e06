package dev.gregor.client;

import org.jspecify.annotations.Nullable;

/** Creating a topic failed because a topic of that name already exists. */
public final class TopicExists extends GregorException {
  private static final long serialVersionUID = 1L;
  private final String topic;

  /** Topic {@code topic} already exists. */
  public TopicExists(String topic, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.topic = topic;
  }

  /** The topic that already exists. */
  public String topic() {
    return topic;
  }
}
