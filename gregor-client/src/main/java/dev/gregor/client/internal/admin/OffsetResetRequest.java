package dev.gregor.client.internal.admin;

import dev.gregor.client.GroupNotEmpty;
import dev.gregor.client.OffsetReset;
import dev.gregor.client.UnknownGroup;
import dev.gregor.client.UnknownTopic;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * Moves a group's committed offsets for one topic, as {@code kafka-consumer-groups --reset-offsets}
 * does: refused while the group has members unless forced, targets clamped into each partition's range.
 */
public final class OffsetResetRequest {
  private final GroupRequests groups;

  public OffsetResetRequest(GroupRequests groups) {
    this.groups = groups;
  }

  /** The new committed offset of every reset partition, by partition. */
  public CompletableFuture<Map<Integer, Long>> reset(String groupId, String topic, OffsetReset reset) {
    return emptyOrRemoved(groupId, reset.forced())
        .thenCompose(ignored -> partitions(topic, reset.partitions()))
        .thenCompose(partitions -> targets(partitions, reset))
        .thenCompose(targets -> groups.commit(groupId, targets).thenApply(done -> byPartition(targets)));
  }

  private CompletableFuture<Void> emptyOrRemoved(String groupId, boolean force) {
    return groups.members(groupId).handle((group, error) -> {
      if (error != null) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof UnknownGroup || cause instanceof org.apache.kafka.common.errors.GroupIdNotFoundException) {
          return CompletableFuture.<Void>completedFuture(null); // a new group: committing creates it
        }
        return CompletableFuture.<Void>failedFuture(cause);
      }
      if (group.members().isEmpty()) {
        return CompletableFuture.<Void>completedFuture(null);
      }
      if (!force) {
        return CompletableFuture.<Void>failedFuture(new GroupNotEmpty(groupId, "Could not reset the offsets of consumer group '"
            + groupId + "': it has " + group.members().size() + " active member(s) (state " + group.groupState()
            + "); stop them, or use OffsetReset.force() to remove them first", null));
      }
      return AdminFutures.of(groups.admin().removeMembersFromConsumerGroup(groupId,
          new RemoveMembersFromConsumerGroupOptions()).all());
    }).thenCompose(f -> f);
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

  private CompletableFuture<Map<TopicPartition, Long>> targets(Set<TopicPartition> partitions, OffsetReset reset) {
    return switch (reset.target()) {
      case EARLIEST -> groups.offsets(partitions, tp -> OffsetSpec.earliest());
      case LATEST -> groups.endOffsets(partitions);
      case TIMESTAMP -> groups.offsets(partitions, tp -> OffsetSpec.forTimestamp(reset.value()))
          .thenCombine(groups.endOffsets(partitions), (atTime, ends) -> partitions.stream().collect(Collectors.toMap(
              tp -> tp, tp -> atTime.get(tp) < 0 ? ends.get(tp) : atTime.get(tp)))); // no message that late: the end
      case OFFSET -> groups.offsets(partitions, tp -> OffsetSpec.earliest())
          .thenCombine(groups.endOffsets(partitions), (earliest, ends) -> partitions.stream().collect(Collectors.toMap(
              tp -> tp, tp -> Math.max(earliest.get(tp), Math.min(ends.get(tp), reset.value())))));
    };
  }

  private static Map<Integer, Long> byPartition(Map<TopicPartition, Long> targets) {
    Map<Integer, Long> result = new TreeMap<>();
    targets.forEach((tp, offset) -> result.put(tp.partition(), offset));
    return result;
  }
}
