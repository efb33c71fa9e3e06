package dev.gregor.client;

/**
 * The earliest offset still in a partition and the offset its next message will get
 * (confluent-kafka-go's watermark offsets), from {@link Topics#watermarks}.
 */
public record Watermarks(long earliest, long latest) {

  /** The offsets between the two: the partition's messages, less what compaction removed or transaction markers took. */
  public long span() {
    return latest - earliest;
  }
}
