package dev.gregor.client.internal.admin;

import dev.gregor.client.UnknownGroup;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.ListShareGroupOffsetsSpec;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * What an offset reset needs to know about one kind of group: its members, the offsets it stands at on a topic,
 * and how to move them. Consumer groups move their committed offsets; share groups their start offsets.
 */
interface GroupOffsets {
  /** How messages name the group: "consumer group" or "share group". */
  String kind();

  /** How messages name what {@link #positions} returns: "committed offset" or "start offset". */
  String positionName();

  /** The group's members and state now; null for a group that does not exist (resetting creates it). */
  CompletableFuture<Membership> membership(String groupId);

  /** Where the group stands on {@code topic}, by partition; none for a group that does not exist yet. */
  CompletableFuture<Map<TopicPartition, Long>> positions(String groupId, String topic);

  /** Whether an admin can remove the group's members, as a forced reset does. */
  boolean membersRemovable();

  /** Removes every member, for a forced reset. */
  CompletableFuture<Void> removeMembers(String groupId);

  /** Moves the group to {@code offsets} in one request. */
  CompletableFuture<Void> move(String groupId, Map<TopicPartition, Long> offsets);

  /** A group's member count and state. */
  record Membership(int members, String state) {}

  /** Consumer groups (classic and KIP-848). */
  static GroupOffsets consumerGroups(GroupRequests groups) {
    return new GroupOffsets() {
      @Override
      public String kind() {
        return "consumer group";
      }

      @Override
      public String positionName() {
        return "committed offset";
      }

      @Override
      public CompletableFuture<Membership> membership(String groupId) {
        return unknownAsNull(groups.members(groupId)
            .thenApply(group -> new Membership(group.members().size(), group.groupState().toString())));
      }

      @Override
      public CompletableFuture<Map<TopicPartition, Long>> positions(String groupId, String topic) {
        return unknownAsEmpty(groups.committed(groupId), topic);
      }

      @Override
      public boolean membersRemovable() {
        return true;
      }

      @Override
      public CompletableFuture<Void> removeMembers(String groupId) {
        return AdminFutures.of(groups.admin().removeMembersFromConsumerGroup(groupId,
            new RemoveMembersFromConsumerGroupOptions()).all());
      }

      @Override
      public CompletableFuture<Void> move(String groupId, Map<TopicPartition, Long> offsets) {
        return groups.commit(groupId, offsets);
      }
    };
  }

  /** Share groups (KIP-932): their members cannot be removed by an admin, only stopped. */
  static GroupOffsets shareGroups(GroupRequests groups) {
    return new GroupOffsets() {
      @Override
      public String kind() {
        return "share group";
      }

      @Override
      public String positionName() {
        return "start offset";
      }

      @Override
      public CompletableFuture<Membership> membership(String groupId) {
        return unknownAsNull(ShareGroupRequests.existing(groups, groupId)
            .thenApply(group -> new Membership(group.members().size(), group.groupState().toString())));
      }

      @Override
      public CompletableFuture<Map<TopicPartition, Long>> positions(String groupId, String topic) {
        return unknownAsEmpty(AdminFutures.of(groups.admin()
            .listShareGroupOffsets(Map.of(groupId, new ListShareGroupOffsetsSpec())).partitionsToOffsetInfo(groupId))
            .thenApply(starts -> starts.entrySet().stream().filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().startOffset()))), topic);
      }

      @Override
      public boolean membersRemovable() {
        return false;
      }

      @Override
      public CompletableFuture<Void> removeMembers(String groupId) {
        throw new UnsupportedOperationException("Kafka cannot remove a share group's members");
      }

      @Override
      public CompletableFuture<Void> move(String groupId, Map<TopicPartition, Long> offsets) {
        return AdminFutures.of(groups.admin().alterShareGroupOffsets(groupId, offsets).all());
      }
    };
  }

  private static <T> CompletableFuture<T> unknownAsNull(CompletableFuture<T> request) {
    return request.handle((value, error) -> {
      if (error == null) {
        return CompletableFuture.completedFuture(value);
      }
      Throwable cause = unwrapped(error);
      return cause instanceof UnknownGroup || cause instanceof GroupIdNotFoundException
          ? CompletableFuture.<T>completedFuture(null) : CompletableFuture.<T>failedFuture(cause);
    }).thenCompose(f -> f);
  }

  private static CompletableFuture<Map<TopicPartition, Long>> unknownAsEmpty(
      CompletableFuture<Map<TopicPartition, Long>> request, String topic) {
    return unknownAsNull(request).thenApply(offsets -> offsets == null ? Map.of() : offsets.entrySet().stream()
        .filter(e -> e.getKey().topic().equals(topic)).collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
  }

  private static Throwable unwrapped(Throwable error) {
    return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
  }
}
