package dev.gregor.client;

import org.jspecify.annotations.Nullable;

/** The cluster's create-topic or alter-config policy refused the request; the message carries the policy's reason. */
public final class PolicyViolation extends GregorException {
  private static final long serialVersionUID = 1L;
  private final String resource;

  /** The broker's policy refused the change to {@code resource}. */
  public PolicyViolation(String resource, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.resource = resource;
  }

  /** The topic the policy refused. */
  public String resource() {
    return resource;
  }
}
