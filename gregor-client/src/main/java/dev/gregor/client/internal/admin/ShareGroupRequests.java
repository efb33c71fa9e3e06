package dev.gregor.client.internal.admin;

import dev.gregor.client.GroupDescription;
import dev.gregor.client.GroupListing;
import dev.gregor.client.UnknownGroup;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListShareGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ShareGroupDescription;
import org.apache.kafka.clients.admin.ShareMemberDescription;
import org.apache.kafka.clients.admin.SharePartitionOffsetInfo;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

/**
 * Share groups (KIP-932 queues) in the shapes consumer groups have: a listing, and a description whose offsets
 * are each partition's share-partition start offset (everything before it is acknowledged) and the lag from there.
 */
final class ShareGroupRequests {
  private final GroupRequests groups;

  ShareGroupRequests(GroupRequests groups) {
    this.groups = groups;
  }

  CompletableFuture<List<GroupListing>> list() {
    return AdminFutures.of(groups.admin().listGroups(ListGroupsOptions.forShareGroups()).all())
        .thenApply(listed -> listed.stream()
            .map(g -> new GroupListing(g.groupId(), g.groupState().map(GroupState::toString).orElse("Unknown"), "share"))
            .sorted(Comparator.comparing(GroupListing::groupId))
            .collect(Collectors.toList()));
  }

  /** kafka-clients' description of an existing share group; {@link UnknownGroup} when there is none. */
  static CompletableFuture<ShareGroupDescription> existing(GroupRequests groups, String groupId) {
    return AdminFutures.of(groups.admin().describeShareGroups(List.of(groupId)).describedGroups().get(groupId))
        .thenApply(group -> {
          if (group.groupState() == GroupState.DEAD) {
            throw new UnknownGroup(groupId, "Share group '" + groupId + "' does not exist", null);
          }
          return group;
        });
  }

  CompletableFuture<GroupDescription> describe(String groupId) {
    return existing(groups, groupId)
        .thenCompose(group -> {
          return AdminFutures.of(groups.admin().listShareGroupOffsets(Map.of(groupId, new ListShareGroupOffsetsSpec()))
              .partitionsToOffsetInfo(groupId)).thenCompose(starts -> {
                Set<TopicPartition> partitions = new HashSet<>();
                starts.forEach((partition, info) -> {
                  if (info != null) {
                    partitions.add(partition);
                  }
                });
                group.members().forEach(m -> partitions.addAll(m.assignment().topicPartitions()));
                return groups.endOffsets(partitions).thenApply(ends -> describe(group, starts, ends));
              });
        });
  }

  private static GroupDescription describe(ShareGroupDescription group, Map<TopicPartition, SharePartitionOffsetInfo> starts,
      Map<TopicPartition, Long> ends) {
    List<GroupDescription.Member> members = group.members().stream().map(ShareGroupRequests::member)
        .sorted(Comparator.comparing(GroupDescription.Member::memberId)).collect(Collectors.toList());
    List<GroupDescription.PartitionOffset> offsets = new ArrayList<>();
    ends.keySet().stream()
        .sorted(Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition))
        .forEach(tp -> {
          long end = ends.get(tp);
          SharePartitionOffsetInfo info = starts.get(tp);
          long start = info == null ? -1 : info.startOffset();
          long lag = info == null ? -1 : info.lag().orElse(start < 0 ? -1 : Math.max(0, end - start));
          offsets.add(new GroupDescription.PartitionOffset(tp.topic(), tp.partition(), start, end, lag));
        });
    return new GroupDescription(group.groupId(), group.groupState().toString(), "share", "",
        group.coordinator() == null ? -1 : group.coordinator().id(), List.copyOf(members), List.copyOf(offsets));
  }

  private static GroupDescription.Member member(ShareMemberDescription m) {
    return new GroupDescription.Member(m.consumerId(), null, m.clientId(), m.host(),
        GroupRequests.assignment(m.assignment().topicPartitions()));
  }
}
