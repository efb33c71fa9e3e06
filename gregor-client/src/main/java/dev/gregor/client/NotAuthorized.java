package dev.gregor.client;

import org.jspecify.annotations.Nullable;

/** The cluster's ACLs do not allow this client the operation on the named topic, group or cluster. */
public final class NotAuthorized extends GregorException {
  private static final long serialVersionUID = 1L;
  private final String resource;

  /** The client may not use {@code resource} (a topic, group or the cluster). */
  public NotAuthorized(String resource, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.resource = resource;
  }

  /** What the operation was refused on, such as {@code topic 'orders'}, {@code group 'billing'} or {@code the cluster}. */
  public String resource() {
    return resource;
  }
}
