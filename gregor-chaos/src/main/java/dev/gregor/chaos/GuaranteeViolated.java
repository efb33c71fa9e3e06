package dev.gregor.chaos;

/** A scenario broke its {@link Guarantee}; the message is the summary line and examples of each violation. */
public final class GuaranteeViolated extends AssertionError {
  private static final long serialVersionUID = 1L;

  /** A broken guarantee, described by {@code message}. */
  public GuaranteeViolated(String message) {
    super(message);
  }
}
