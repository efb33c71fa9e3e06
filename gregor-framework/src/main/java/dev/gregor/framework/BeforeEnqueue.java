package dev.gregor.framework;

/**
 * A controller callback run right after a message is received, before it is performed or enqueued
 * (seed: "Controllers callbacks"): it may change the params, pick a worker, or abort.
 */
@FunctionalInterface
public interface BeforeEnqueue {
  /** What to do with {@code params}: {@link Decision#PROCEED}, or {@link Decision#ABORT} to drop the message. */
  Decision apply(Params params) throws Exception;

  /** The outcome of a callback; the first {@code ABORT} ends the chain and the message is not performed. */
  enum Decision {
    /** Go on with the next callback, then perform or enqueue. */
    PROCEED,
    /** Neither perform nor enqueue this message; it counts as processed. */
    ABORT
  }
}
