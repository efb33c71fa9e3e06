package dev.gregor.web.internal.http;

/** A request the dashboard cannot serve as sent: shown as a 400 page with this message. */
public final class BadRequest extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** {@code problem} completes "The request has ...". */
  public BadRequest(String problem) {
    super(problem);
  }
}
