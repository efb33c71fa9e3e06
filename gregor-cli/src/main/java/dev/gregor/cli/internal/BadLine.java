package dev.gregor.cli.internal;

/** A line of input that cannot become a message; the message says why, without the line number. */
public final class BadLine extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BadLine(String reason) {
    super(reason, null, false, false);
  }
}
