package dev.gregor.client.internal.admin;

import dev.gregor.client.GroupDescription;
import dev.gregor.client.GroupListing;
import dev.gregor.client.UnknownGroup;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.TopicPartition;

/** Consumer-group operations on kafka-clients' {@link Admin}, as unbounded futures that the caller bounds. */
public final class GroupRequests {
  private final Admin admin;

  public GroupRequests(Admin admin) {
    this.admin = admin;
  }

  public CompletableFuture<List<GroupListing>> list() {
    return AdminFutures.of(admin.listGroups(ListGroupsOptions.forConsumerGroups()).all())
        .thenApply(groups -> groups.stream()
            .map(g -> new GroupListing(g.groupId(), g.groupState().map(GroupState::toString).orElse("Unknown"),
                g.type().map(GroupRequests::typeName).orElse("classic")))
            .sorted(Comparator.comparing(GroupListing::groupId))
            .collect(Collectors.toList()));
  }

  /** Every share group, sorted by id. */
  public CompletableFuture<List<GroupListing>> listShare() {
    return new ShareGroupRequests(this).list();
  }

  /** A share group, its members and, per partition, the start offset, end offset and lag. */
  public CompletableFuture<GroupDescription> describeShare(String groupId) {
    return new ShareGroupRequests(this).describe(groupId);
  }

  /** The group, its members and, per partition, committed offset, end offset and lag. */
  public CompletableFuture<GroupDescription> describe(String groupId) {
    return members(groupId).thenCompose(group -> committed(groupId).thenCompose(committed -> {
      Set<TopicPartition> partitions = new HashSet<>(committed.keySet());
      group.members().forEach(m -> partitions.addAll(m.assignment().topicPartitions()));
      return endOffsets(partitions).thenApply(ends -> describe(group, committed, ends));
    }));
  }

  /** kafka-clients' description of an existing group; {@link UnknownGroup} when there is none. */
  CompletableFuture<ConsumerGroupDescription> members(String groupId) {
    return AdminFutures.of(admin.describeConsumerGroups(List.of(groupId)).describedGroups().get(groupId))
        .thenApply(group -> {
          if (group.groupState() == GroupState.DEAD) {
            throw new UnknownGroup(groupId, "Consumer group '" + groupId + "' does not exist", null);
          }
          return group;
        });
  }

  public CompletableFuture<Void> delete(String groupId) {
    return AdminFutures.of(admin.deleteConsumerGroups(List.of(groupId)).deletedGroups().get(groupId));
  }

  CompletableFuture<Map<TopicPartition, Long>> committed(String groupId) {
    return AdminFutures.of(admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata())
        .thenApply(offsets -> offsets.entrySet().stream().filter(e -> e.getValue() != null)
            .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset())));
  }

  CompletableFuture<Map<TopicPartition, Long>> endOffsets(Set<TopicPartition> partitions) {
    return offsets(partitions, tp -> OffsetSpec.latest());
  }

  CompletableFuture<Map<TopicPartition, Long>> offsets(Set<TopicPartition> partitions, Function<TopicPartition, OffsetSpec> spec) {
    if (partitions.isEmpty()) {
      return CompletableFuture.completedFuture(Map.of());
    }
    Map<TopicPartition, OffsetSpec> request = partitions.stream().collect(Collectors.toMap(tp -> tp, spec));
    return AdminFutures.of(admin.listOffsets(request).all()).thenApply(result -> result.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset())));
  }

  CompletableFuture<Void> commit(String groupId, Map<TopicPartition, Long> offsets) {
    Map<TopicPartition, OffsetAndMetadata> request = offsets.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue())));
    return AdminFutures.of(admin.alterConsumerGroupOffsets(groupId, request).all());
  }

  Admin admin() {
    return admin;
  }

  private static GroupDescription describe(ConsumerGroupDescription group, Map<TopicPartition, Long> committed,
      Map<TopicPartition, Long> ends) {
    List<GroupDescription.Member> members = group.members().stream().map(GroupRequests::member)
        .sorted(Comparator.comparing(GroupDescription.Member::memberId)).collect(Collectors.toList());
    List<GroupDescription.PartitionOffset> offsets = new ArrayList<>();
    ends.keySet().stream()
        .sorted(Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition))
        .forEach(tp -> {
          long end = ends.get(tp);
          long position = committed.getOrDefault(tp, -1L);
          offsets.add(new GroupDescription.PartitionOffset(tp.topic(), tp.partition(), position, end,
              position < 0 ? -1 : Math.max(0, end - position)));
        });
    return new GroupDescription(group.groupId(), group.groupState().toString(), typeName(group.type()),
        group.partitionAssignor(), group.coordinator() == null ? -1 : group.coordinator().id(), List.copyOf(members),
        List.copyOf(offsets));
  }

  private static String typeName(GroupType type) {
    return type == null ? "classic" : type.toString().toLowerCase(Locale.ROOT);
  }

  private static GroupDescription.Member member(MemberDescription m) {
    return new GroupDescription.Member(m.consumerId(), m.groupInstanceId().orElse(null), m.clientId(), m.host(),
        assignment(m.assignment().topicPartitions()));
  }

  /** A member's partitions by topic, each list sorted: the shape consumer and share groups both show. */
  static Map<String, List<Integer>> assignment(Collection<TopicPartition> partitions) {
    Map<String, List<Integer>> assignment = new TreeMap<>();
    partitions.forEach(tp -> assignment.computeIfAbsent(tp.topic(), t -> new ArrayList<>()).add(tp.partition()));
    assignment.values().forEach(list -> list.sort(Integer::compare));
    return Map.copyOf(assignment);
  }
}
