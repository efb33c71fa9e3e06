package dev.gregor.client.internal.admin;

import dev.gregor.client.GregorException;
import dev.gregor.client.GroupNotEmpty;
import dev.gregor.client.OffsetReset;
import dev.gregor.client.OffsetResetPlan;
import dev.gregor.client.UnknownTopic;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * Moves a group's offsets for one topic, as {@code kafka-consumer-groups --reset-offsets} (and
 * {@code kafka-share-groups}) does: refused while the group has members unless forced, targets clamped into
 * each partition's range.
 */
public final class OffsetResetRequest {
  private final GroupRequests groups;
  private final GroupOffsets group;

  private OffsetResetRequest(GroupRequests groups, GroupOffsets group) {
    this.groups = groups;
    this.group = group;
  }

  /** Resets a consumer group's committed offsets. */
  public static OffsetResetRequest forConsumerGroup(GroupRequests groups) {
    return new OffsetResetRequest(groups, GroupOffsets.consumerGroups(groups));
  }

  /** Resets a share group's start offsets (where its members deliver from). */
  public static OffsetResetRequest forShareGroup(GroupRequests groups) {
    return new OffsetResetRequest(groups, GroupOffsets.shareGroups(groups));
  }

  /** The new offset of every reset partition, by partition, set in one request. */
  public CompletableFuture<Map<Integer, Long>> reset(String groupId, String topic, OffsetReset reset) {
    return emptyOrRemoved(groupId, reset.forced())
        .thenCompose(ignored -> plan(groupId, topic, reset, 0))
        .thenCompose(plan -> group.move(groupId, plan.partitions().stream().collect(Collectors.toMap(
            p -> new TopicPartition(topic, p.partition()), OffsetResetPlan.Partition::target)))
            .thenApply(done -> plan.targets()));
  }

  /** What {@link #reset} would set, worked out by the same rules, changing nothing. */
  public CompletableFuture<OffsetResetPlan> plan(String groupId, String topic, OffsetReset reset) {
    return group.membership(groupId)
        .thenCompose(membership -> plan(groupId, topic, reset, membership == null ? 0 : membership.members()));
  }

  private CompletableFuture<OffsetResetPlan> plan(String groupId, String topic, OffsetReset reset, int members) {
    return partitions(topic, reset.partitions()).thenCompose(partitions -> group.positions(groupId, topic)
        .thenCompose(committed -> targets(groupId, partitions, reset, committed).thenApply(targets -> new OffsetResetPlan(groupId,
            topic, members, partitions.stream().sorted(Comparator.comparingInt(TopicPartition::partition))
                .map(tp -> new OffsetResetPlan.Partition(tp.partition(), committed.getOrDefault(tp, -1L), targets.get(tp)))
                .toList()))));
  }

  private CompletableFuture<Void> emptyOrRemoved(String groupId, boolean force) {
    return group.membership(groupId).thenCompose(membership -> {
      if (membership == null || membership.members() == 0) {
        return CompletableFuture.<Void>completedFuture(null); // a new group: moving its offsets creates it
      }
      if (!force || !group.membersRemovable()) {
        return CompletableFuture.<Void>failedFuture(new GroupNotEmpty(groupId, "Could not reset the offsets of "
            + group.kind() + " '" + groupId + "': it has " + membership.members() + " active member(s) (state "
            + membership.state() + (group.membersRemovable() ? "); stop them, or use OffsetReset.force() to remove them first"
            : "), and Kafka cannot remove a share group's members; stop them first"), null));
      }
      return group.removeMembers(groupId);
    });
  }

  private CompletableFuture<Set<TopicPartition>> partitions(String topic, List<Integer> wanted) {
    return AdminFutures.of(groups.admin().describeTopics(List.of(topic)).topicNameValues().get(topic))
        .thenApply((TopicDescription d) -> {
          Set<Integer> existing = d.partitions().stream().map(p -> p.partition()).collect(Collectors.toSet());
          for (int partition : wanted) {
            if (!existing.contains(partition)) {
              throw new UnknownTopic(topic, "Could not reset offsets: topic '" + topic + "' has no partition " + partition
                  + " (it has " + existing.size() + ")", List.of(), null);
            }
          }
          return existing.stream().filter(p -> wanted.isEmpty() || wanted.contains(p))
              .map(p -> new TopicPartition(topic, p)).collect(Collectors.toSet());
        });
  }

  private CompletableFuture<Map<TopicPartition, Long>> targets(String groupId, Set<TopicPartition> partitions,
      OffsetReset reset, Map<TopicPartition, Long> committed) {
    return switch (reset.target()) {
      case EARLIEST -> groups.offsets(partitions, tp -> OffsetSpec.earliest());
      case LATEST -> groups.endOffsets(partitions);
      case TIMESTAMP -> groups.offsets(partitions, tp -> OffsetSpec.forTimestamp(reset.value()))
          .thenCombine(groups.endOffsets(partitions), (atTime, ends) -> partitions.stream().collect(Collectors.toMap(
              tp -> tp, tp -> atTime.get(tp) < 0 ? ends.get(tp) : atTime.get(tp)))); // no message that late: the end
      case OFFSET -> clamped(partitions, tp -> reset.value());
      case OFFSETS -> clamped(partitions, tp -> reset.offsets().get(tp.partition()));
      case SHIFT -> {
        for (TopicPartition tp : partitions.stream().sorted(Comparator.comparingInt(TopicPartition::partition)).toList()) {
          if (!committed.containsKey(tp)) {
            yield CompletableFuture.failedFuture(new GregorException("Could not shift the offsets of " + group.kind() + " '"
                + groupId + "' by " + reset.value() + ": it has no " + group.positionName() + " on partition " + tp.partition()
                + " of topic '" + tp.topic() + "' to shift from; reset that partition to the earliest, the latest or an exact"
                + " offset instead", null));
          }
        }
        yield clamped(partitions, tp -> shifted(committed.get(tp), reset.value()));
      }
    };
  }

  /** {@code wanted} per partition, moved into the partition's earliest-to-latest range. */
  private CompletableFuture<Map<TopicPartition, Long>> clamped(Set<TopicPartition> partitions,
      Function<TopicPartition, Long> wanted) {
    return groups.offsets(partitions, tp -> OffsetSpec.earliest())
        .thenCombine(groups.endOffsets(partitions), (earliest, ends) -> partitions.stream().collect(Collectors.toMap(
            tp -> tp, tp -> Math.max(earliest.get(tp), Math.min(ends.get(tp), wanted.apply(tp))))));
  }

  private static long shifted(long committed, long shift) {
    long sum = committed + shift;
    return ((committed ^ sum) & (shift ^ sum)) < 0 ? (shift > 0 ? Long.MAX_VALUE : 0) : sum; // overflow saturates
  }
}
