package dev.gregor.client;

import org.jspecify.annotations.Nullable;

/**
 * A read asked for an offset the partition does not hold: past its end, or before its earliest
 * message (deleted by retention). Names the topic, partition, offset and the offsets it has.
 */
public final class OffsetOutOfRange extends GregorException {
  private static final long serialVersionUID = 1L;
  private final String topic;
  private final int partition;
  private final long offset;
  private final long earliest;
  private final long latest;

  /** {@code offset} lies outside {@code earliest} to {@code latest} of the partition. */
  public OffsetOutOfRange(String topic, int partition, long offset, long earliest, long latest, @Nullable Throwable cause) {
    super("Offset " + offset + " of topic '" + topic + "' partition " + partition + " is out of range: the partition "
        + "holds offsets " + earliest + " to " + latest + " (" + latest + " being the next one written); read from "
        + "Offset.EARLIEST, Offset.LATEST or an offset in that range", cause);
    this.topic = topic;
    this.partition = partition;
    this.offset = offset;
    this.earliest = earliest;
    this.latest = latest;
  }

  /** The topic asked for. */
  public String topic() {
    return topic;
  }

  /** The partition asked for. */
  public int partition() {
    return partition;
  }

  /** The offset that was asked for. */
  public long offset() {
    return offset;
  }

  /** The first offset still in the partition. */
  public long earliest() {
    return earliest;
  }

  /** The partition's end: the offset the next message written will get. */
  public long latest() {
    return latest;
  }
}
