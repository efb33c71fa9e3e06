package dev.gregor.chaos;

/** What a {@link History} recorded, as plain values the analysis reads. */
final class Events {
  private Events() {}

  /** A record Kafka acknowledged at {@code partition}/{@code offset}. */
  record Acked(String key, long seq, int partition, long offset) {}

  /** A record a member processed; {@code key} is null for an undecodable one. {@code at} is in epoch microseconds. */
  record Processed(String member, int partition, long offset, String key, long seq, long at) {}

  /** An offset a member's group committed for a partition, at {@code at} epoch microseconds. */
  record Committed(String member, int partition, long offset, long at) {}

  /** A record identity: key and sequence number. */
  record Id(String key, long seq) {}
}
