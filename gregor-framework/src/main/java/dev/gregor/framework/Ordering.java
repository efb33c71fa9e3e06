package dev.gregor.framework;

/**
 * In which order a route's messages of one partition are processed; whatever the order, the
 * committed offset never passes a message that is not finished, so a crash duplicates, never loses.
 */
public enum Ordering {
  /** One partition at a time, in offset order: Kafka's own guarantee (the default). */
  PARTITION,
  /**
   * Messages with the same key in offset order, different keys in parallel up to the route's concurrency.
   * Messages without a key were never ordered by Kafka's partitioner either, so they run as {@link #UNORDERED}.
   */
  KEY,
  /** Every message may run in parallel with any other, up to the route's concurrency. */
  UNORDERED
}
