package dev.gregor.bench.internal.run;

/** A scenario cannot run here (a peer is not installed, say); the message says why and how to fix it. */
public final class Skipped extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public Skipped(String message) {
    super(message, null, false, false);
  }
}
