package dev.gregor.web.internal.http;

/** Something the URL names does not exist (a topic, a group, a partition): a 404 page naming it. */
public final class NotFound extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** {@code what} is shown as the page's message, e.g. "Topic 'orders' does not exist". */
  public NotFound(String what) {
    super(what);
  }
}
