package dev.gregor.client;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where {@link Groups#resetOffsets} moves a group's committed offsets: the earliest or latest
 * offset, the first offset at a time, an exact offset, an offset per partition, or the committed
 * offset shifted by N; for every partition of the topic unless {@link #partitions} names some.
 * Targets outside a partition's earliest-to-latest range are moved to its nearest end. Refused
 * while the group has members unless {@link #force()}; {@link Groups#planReset} shows the plan first.
 */
public final class OffsetReset {
  /** The kinds of target. */
  public enum Target {
    /** Each partition's earliest offset. */
    EARLIEST,
    /** Each partition's end. */
    LATEST,
    /** The first offset at or after a time. */
    TIMESTAMP,
    /** One offset for every partition. */
    OFFSET,
    /** An offset per partition. */
    OFFSETS,
    /** The committed offset moved by a number of messages. */
    SHIFT
  }

  private final Target target;
  private final long value;
  private final Map<Integer, Long> offsets;
  private final List<Integer> partitions;
  private final boolean force;

  private OffsetReset(Target target, long value, List<Integer> partitions, boolean force) {
    this(target, value, Map.of(), partitions, force);
  }

  private OffsetReset(Target target, long value, Map<Integer, Long> offsets, List<Integer> partitions, boolean force) {
    this.target = target;
    this.value = value;
    this.offsets = offsets;
    this.partitions = partitions;
    this.force = force;
  }

  /** The oldest offset each partition still stores. */
  public static OffsetReset toEarliest() {
    return new OffsetReset(Target.EARLIEST, -1, List.of(), false);
  }

  /** The end of each partition: the group skips everything not read yet. */
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

  /**
   * Each named partition to its own offset ({@code Map.of(0, 120L, 3, 400L)}), in one commit;
   * the map names the partitions, and each offset is moved into its partition's range.
   */
  public static OffsetReset toOffsets(Map<Integer, Long> offsets) {
    Objects.requireNonNull(offsets, "offsets");
    if (offsets.isEmpty()) {
      throw new IllegalArgumentException("offsets must name at least one partition");
    }
    offsets.forEach((partition, offset) -> {
      if (partition == null || partition < 0) {
        throw new IllegalArgumentException("offsets: partition must be 0 or more, was " + partition);
      }
      if (offset == null || offset < 0) {
        throw new IllegalArgumentException("offsets: the offset of partition " + partition + " must be 0 or more, was "
            + offset + "; use toEarliest() or toLatest()");
      }
    });
    Map<Integer, Long> sorted = Collections.unmodifiableMap(new TreeMap<>(offsets));
    return new OffsetReset(Target.OFFSETS, -1, sorted, List.copyOf(sorted.keySet()), false);
  }

  /**
   * {@code n} after each partition's committed offset ({@code -n}: before it, to read n messages
   * again), kept within the partition's range. A partition without a committed offset cannot be
   * shifted: the plan fails naming it.
   */
  public static OffsetReset shiftBy(long n) {
    return new OffsetReset(Target.SHIFT, n, List.of(), false);
  }

  /** Only these partitions of the topic. */
  public OffsetReset partitions(int... partitions) {
    if (partitions.length == 0) {
      throw new IllegalArgumentException("partitions must name at least one partition");
    }
    if (target == Target.OFFSETS) {
      throw new IllegalArgumentException("toOffsets(...) already names its partitions " + this.partitions
          + "; partitions(...) cannot change them");
    }
    return new OffsetReset(target, value, offsets, Arrays.stream(partitions).boxed().toList(), force);
  }

  /**
   * Resets even while the group has members: they are removed from the group first (each
   * rejoins and then reads from the new offsets). Without it an active group is refused with
   * {@link GroupNotEmpty}.
   */
  public OffsetReset force() {
    return new OffsetReset(target, value, offsets, partitions, true);
  }

  /** The kind of target. */
  public Target target() {
    return target;
  }

  /** The timestamp in epoch milliseconds, the exact offset, or the shift (may be negative); -1 otherwise. */
  public long value() {
    return value;
  }

  /** The offset per partition of {@link #toOffsets}, sorted by partition; empty for the other targets. */
  public Map<Integer, Long> offsets() {
    return offsets;
  }

  /** The partitions to reset; empty means all of the topic's. */
  public List<Integer> partitions() {
    return partitions;
  }

  /** Whether the group's active members are removed first instead of the reset being refused. */
  public boolean forced() {
    return force;
  }

  @Override
  public String toString() {
    String argument = target == Target.OFFSETS ? "(" + offsets + ")" : target == Target.SHIFT || value >= 0 ? "(" + value + ")" : "";
    return target + argument + (partitions.isEmpty() || target == Target.OFFSETS ? "" : " partitions " + partitions)
        + (force ? " forced" : "");
  }
}
