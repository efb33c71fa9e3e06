package dev.gregor.framework;

import dev.gregor.client.GregorException;

/** A responder broke its registrations (seed: "Response validation"); nothing of that response was sent. */
public final class InvalidResponse extends GregorException {
  private final String topic;

  /** A broken rule on {@code topic}, described by {@code message}. */
  public InvalidResponse(String topic, String message) {
    super(message, null);
    this.topic = topic;
  }

  /** The topic the rule was broken on. */
  public String topic() {
    return topic;
  }
}
