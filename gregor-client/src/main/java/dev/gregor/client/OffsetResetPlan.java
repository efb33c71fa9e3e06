package dev.gregor.client;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What {@link Groups#resetOffsets} would do, from {@link Groups#planReset} (or {@link Groups#planShareReset}):
 * per partition the group's committed offset now and the offset it would move to. Nothing is changed by planning.
 *
 * <pre>{@code
 * OffsetResetPlan plan = kafka.groups().planReset("billing", "invoices", OffsetReset.shiftBy(-100));
 * plan.partitions().forEach(p -> System.out.println(p.partition() + ": " + p.committed() + " -> " + p.target()));
 * }</pre>
 *
 * @param groupId the consumer group
 * @param topic the topic whose offsets would move
 * @param activeMembers the group's members now; while above 0 the reset is refused unless forced
 * @param partitions one entry per partition, sorted by partition
 */
public record OffsetResetPlan(String groupId, String topic, int activeMembers, List<Partition> partitions) {

  /**
   * One partition of the plan.
   *
   * @param partition the partition
   * @param committed the group's committed offset now (a share group's start offset); -1 when it has none
   * @param target the offset the reset commits, already within the partition's range
   */
  public record Partition(int partition, long committed, long target) {}

  /** Copies the moves, so the plan cannot change after it was made. */
  public OffsetResetPlan {
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(topic, "topic");
    partitions = List.copyOf(partitions);
  }

  /** The target offset by partition, sorted: what {@link Groups#resetOffsets} returns once applied. */
  public Map<Integer, Long> targets() {
    Map<Integer, Long> targets = new TreeMap<>();
    partitions.forEach(p -> targets.put(p.partition(), p.target()));
    return Collections.unmodifiableMap(targets);
  }
}
