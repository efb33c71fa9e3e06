package dev.gregor.client;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Where {@link Groups#resetOffsets} moves a group's committed offsets: the earliest or latest
 * offset, the first offset at a time, or an exact offset; for every partition of the topic
 * unless {@link #partitions} names some. Refused while the group has members unless {@link #force()}.
 */
public final class OffsetReset {
  /** The kinds of target. */
  public enum Target { EARLIEST, LATEST, TIMESTAMP, OFFSET }

  private final Target target;
  private final long value;
  private final List<Integer> partitions;
  private final boolean force;

  private OffsetReset(Target target, long value, List<Integer> partitions, boolean force) {
    this.target = target;
    this.value = value;
    this.partitions = partitions;
    this.force = force;
  }

  public static OffsetReset toEarliest() {
    return new OffsetReset(Target.EARLIEST, -1, List.of(), false);
  }

  public static OffsetReset toLatest() {
    return new OffsetReset(Target.LATEST, -1, List.of(), false);
  }

  /** The first offset whose timestamp is at or after {@code time}; the end of the partition if none is. */
  public static OffsetReset toTime(Instant time) {
    return new OffsetReset(Target.TIMESTAMP, Objects.requireNonNull(time, "time").toEpochMilli(), List.of(), false);
  }

  /** Exactly {@code offset}, moved into the partition's earliest-to-latest range if outside it. */
  public static OffsetReset toOffset(long offset) {
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be 0 or more, was " + offset + "; use toEarliest() or toLatest()");
    }
    return new OffsetReset(Target.OFFSET, offset, List.of(), false);
  }

  /** Only these partitions of the topic. */
  public OffsetReset partitions(int... partitions) {
    if (partitions.length == 0) {
      throw new IllegalArgumentException("partitions must name at least one partition");
    }
    return new OffsetReset(target, value, Arrays.stream(partitions).boxed().toList(), force);
  }

  /**
   * Resets even while the group has members: they are removed from the group first (each
   * rejoins and then reads from the new offsets). Without it an active group is refused with
   * {@link GroupNotEmpty}.
   */
  public OffsetReset force() {
    return new OffsetReset(target, value, partitions, true);
  }

  public Target target() {
    return target;
  }

  /** The timestamp in epoch milliseconds, or the exact offset; -1 for earliest and latest. */
  public long value() {
    return value;
  }

  /** The partitions to reset; empty means all of the topic's. */
  public List<Integer> partitions() {
    return partitions;
  }

  public boolean forced() {
    return force;
  }

  @Override
  public String toString() {
    return target + (value >= 0 ? "(" + value + ")" : "") + (partitions.isEmpty() ? "" : " partitions " + partitions)
        + (force ? " forced" : "");
  }
}
