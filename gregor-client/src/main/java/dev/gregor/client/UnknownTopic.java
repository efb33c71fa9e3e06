package dev.gregor.client;

/** The topic (or the partition) does not exist on the cluster. */
public final class UnknownTopic extends GregorException {
  private static final long serialVersionUID = 1L;

  public UnknownTopic(String message, Throwable cause) {
    super(message, cause);
  }
}
