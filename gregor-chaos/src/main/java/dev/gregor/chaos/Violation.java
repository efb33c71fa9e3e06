package dev.gregor.chaos;

/** What the checker counts against a guarantee; {@link #label()} is its name in the summary line. */
public enum Violation {
  /** A record Kafka acknowledged that no consumer ever processed. */
  LOST("lost"),
  /** A record (key and sequence number) stored more than once in the log: a duplicate by delivery. */
  DUPLICATED_IN_LOG("dup.log"),
  /** A log position processed more than once, by one member or several: a duplicate by processing. */
  PROCESSED_TWICE("dup.processed"),
  /**
   * A position processed after its group had already committed past it: a duplicate that does not
   * come from the uncommitted tail (or a commit that ran ahead of processing).
   */
  PROCESSED_AFTER_COMMIT("dup.committed"),
  /** A record stored after a later record of the same key in the same partition. */
  REORDERED("reordered"),
  /**
   * A record whose processing finished (first, by any member) before that of an earlier record of the same key
   * in the same partition: key order broken by processing, as parallel consumers risk.
   */
  PROCESSED_OUT_OF_KEY_ORDER("reordered.key"),
  /** A position below a committed offset that no member processed. */
  COMMITTED_UNPROCESSED("committed.unprocessed");

  private final String label;

  Violation(String label) {
    this.label = label;
  }

  /** The violation's name in reports. */
  public String label() {
    return label;
  }
}
