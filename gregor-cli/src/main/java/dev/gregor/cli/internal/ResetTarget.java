package dev.gregor.cli.internal;

import dev.gregor.client.OffsetReset;
import java.time.Instant;
import java.util.List;

/**
 * Where {@code groups reset-offsets} moves a group: earliest, latest, the first offset at a time,
 * an exact offset, or the committed offset shifted by N; each kept within the partition's range.
 */
public record ResetTarget(Kind kind, long value, Instant time) {

  /** The forms of target, one per {@code --to-...}/{@code --shift-by} option. */
  public enum Kind { EARLIEST, LATEST, TIME, OFFSET, SHIFT }

  /** The new offset of one partition, from its committed offset (-1 if none) and its range. */
  public long resolve(String topic, int partition, long committed, long earliest, long latest, long offsetAtTime) {
    return switch (kind) {
      case EARLIEST -> earliest;
      case LATEST -> latest;
      case TIME -> offsetAtTime < 0 ? latest : offsetAtTime; // no message that late: the end, as kafka-clients does
      case OFFSET -> clamp(value, earliest, latest);
      case SHIFT -> {
        if (committed < 0) {
          throw new IllegalArgumentException("--shift-by moves committed offsets, but the group has none for partition "
              + partition + " of '" + topic + "'; use --to-earliest, --to-latest or --to-offset there");
        }
        yield clamp(committed + value, earliest, latest);
      }
    };
  }

  /**
   * The client's reset that gives {@code partitions} the planned offsets; a shift is one exact
   * offset per partition, so it comes with a single partition.
   */
  public OffsetReset toOffsetReset(List<Integer> partitions, long plannedOffset) {
    OffsetReset reset = switch (kind) {
      case EARLIEST -> OffsetReset.toEarliest();
      case LATEST -> OffsetReset.toLatest();
      case TIME -> OffsetReset.toTime(time);
      case OFFSET -> OffsetReset.toOffset(value);
      case SHIFT -> OffsetReset.toOffset(plannedOffset);
    };
    return reset.partitions(partitions.stream().mapToInt(Integer::intValue).toArray());
  }

  private static long clamp(long offset, long earliest, long latest) {
    return Math.max(earliest, Math.min(latest, offset));
  }
}
