package dev.gregor.client;

/** Creating a topic failed because a topic of that name already exists. */
public final class TopicExists extends GregorException {
  private static final long serialVersionUID = 1L;
  private final String topic;

  /** Topic {@code topic} already exists. */
  public TopicExists(String topic, String message, Throwable cause) {
    super(message, cause);
    this.topic = topic;
  }

  /** The topic that already exists. */
  public String topic() {
    return topic;
  }
}
