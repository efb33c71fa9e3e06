package dev.gregor.client;

import dev.gregor.client.internal.admin.AdminFailure;
import dev.gregor.client.internal.admin.AdminFutures;
import dev.gregor.client.internal.admin.ClusterAdmin;
import dev.gregor.client.internal.admin.GroupRequests;
import dev.gregor.client.internal.admin.OffsetResetRequest;
import dev.gregor.client.internal.admin.UnknownNames;
import dev.gregor.client.internal.names.TopicNames;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Consumer-group management: list, describe with lag, delete, and reset offsets; share groups listed,
 * described and reset. Every call waits at most {@link Config#adminTimeout()}; each has an {@code …Async} twin.
 *
 * <pre>{@code
 * long lag = kafka.groups().describe("billing").totalLag();
 * kafka.groups().resetOffsets("billing", "invoices", OffsetReset.toTime(Instant.parse("2025-01-01T00:00:00Z")));
 * OffsetResetPlan plan = kafka.groups().planReset("billing", "invoices", OffsetReset.shiftBy(-10)); // dry run
 * }</pre>
 */
public final class Groups {
  private final ClusterAdmin admin;
  private final Duration timeout;

  Groups(ClusterAdmin admin, Duration timeout) {
    this.admin = admin;
    this.timeout = timeout;
  }

  /** Every consumer group (classic and KIP-848) with its state and type, sorted by id. */
  public List<GroupListing> list() {
    return await(AdminFailure.onCluster("list consumer groups"), GroupRequests::list);
  }

  /** {@link #list()} without blocking. */
  public CompletableFuture<List<GroupListing>> listAsync() {
    return run(AdminFailure.onCluster("list consumer groups"), GroupRequests::list);
  }

  /** Every share group (KIP-932 queues, read by {@link QueueConsumer}s) with its state, sorted by id. */
  public List<GroupListing> listShare() {
    return await(AdminFailure.onCluster("list share groups"), GroupRequests::listShare);
  }

  /** {@link #listShare()} without blocking. */
  public CompletableFuture<List<GroupListing>> listShareAsync() {
    return run(AdminFailure.onCluster("list share groups"), GroupRequests::listShare);
  }

  /**
   * A share group's members and assignments, and per partition its start offset (what comes before it is
   * acknowledged) as {@code committedOffset}, the end offset and the lag; {@link UnknownGroup} if none.
   */
  public GroupDescription describeShare(String groupId) {
    return await(AdminFailure.onGroup("describe share group", checked(groupId)), r -> r.describeShare(groupId));
  }

  /** {@link #describeShare(String)} without blocking. */
  public CompletableFuture<GroupDescription> describeShareAsync(String groupId) {
    return run(AdminFailure.onGroup("describe share group", checked(groupId)), r -> r.describeShare(groupId));
  }

  /** Members, assignments, state, and per partition the committed offset and lag; {@link UnknownGroup} if none. */
  public GroupDescription describe(String groupId) {
    return await(AdminFailure.onGroup("describe consumer group", checked(groupId)), r -> r.describe(groupId));
  }

  /** {@link #describe(String)} without blocking. */
  public CompletableFuture<GroupDescription> describeAsync(String groupId) {
    return run(AdminFailure.onGroup("describe consumer group", checked(groupId)), r -> r.describe(groupId));
  }

  /** Deletes the group and its committed offsets; {@link GroupNotEmpty} while it has members. */
  public void delete(String groupId) {
    await(AdminFailure.onGroup("delete consumer group", checked(groupId)), r -> r.delete(groupId));
  }

  /** {@link #delete(String)} without blocking. */
  public CompletableFuture<Void> deleteAsync(String groupId) {
    return run(AdminFailure.onGroup("delete consumer group", checked(groupId)), r -> r.delete(groupId));
  }

  /**
   * Sets the group's committed offsets for {@code topic} in one commit and returns them by
   * partition; refused with {@link GroupNotEmpty} while the group has members unless the reset is
   * {@link OffsetReset#force() forced}. {@link #planReset} shows the same plan without applying it.
   */
  public Map<Integer, Long> resetOffsets(String groupId, String topic, OffsetReset reset) {
    return await(resetFailure(false, groupId, topic), resetRequest(false, groupId, topic, reset));
  }

  /** {@link #resetOffsets(String, String, OffsetReset)} without blocking. */
  public CompletableFuture<Map<Integer, Long>> resetOffsetsAsync(String groupId, String topic, OffsetReset reset) {
    return run(resetFailure(false, groupId, topic), resetRequest(false, groupId, topic, reset));
  }

  /**
   * What {@link #resetOffsets} would do with {@code reset}, per partition the committed offset now
   * and the target, worked out by the same rules; changes nothing (a dry run). Not refused for an
   * active group: {@link OffsetResetPlan#activeMembers()} says whether applying it would be.
   */
  public OffsetResetPlan planReset(String groupId, String topic, OffsetReset reset) {
    return await(resetFailure(false, groupId, topic), planRequest(false, groupId, topic, reset));
  }

  /** {@link #planReset}, as a future bounded by the admin timeout. */
  public CompletableFuture<OffsetResetPlan> planResetAsync(String groupId, String topic, OffsetReset reset) {
    return run(resetFailure(false, groupId, topic), planRequest(false, groupId, topic, reset));
  }

  /**
   * Moves a share group's start offsets for {@code topic} (where its members deliver from; what comes before
   * counts as acknowledged) in one request, by the rules of {@link #resetOffsets}. Refused with
   * {@link GroupNotEmpty} while the group has members, forced or not: Kafka cannot remove a share group's members.
   */
  public Map<Integer, Long> resetShareOffsets(String groupId, String topic, OffsetReset reset) {
    return await(resetFailure(true, groupId, topic), resetRequest(true, groupId, topic, reset));
  }

  /** {@link #resetShareOffsets} without blocking. */
  public CompletableFuture<Map<Integer, Long>> resetShareOffsetsAsync(String groupId, String topic, OffsetReset reset) {
    return run(resetFailure(true, groupId, topic), resetRequest(true, groupId, topic, reset));
  }

  /** What {@link #resetShareOffsets} would do, each partition's start offset now and its target; changes nothing. */
  public OffsetResetPlan planShareReset(String groupId, String topic, OffsetReset reset) {
    return await(resetFailure(true, groupId, topic), planRequest(true, groupId, topic, reset));
  }

  /** {@link #planShareReset}, as a future bounded by the admin timeout. */
  public CompletableFuture<OffsetResetPlan> planShareResetAsync(String groupId, String topic, OffsetReset reset) {
    return run(resetFailure(true, groupId, topic), planRequest(true, groupId, topic, reset));
  }

  private static Function<GroupRequests, CompletableFuture<OffsetResetPlan>> planRequest(boolean share, String groupId,
      String topic, OffsetReset reset) {
    checked(groupId);
    TopicNames.check(topic);
    Objects.requireNonNull(reset, "reset");
    return r -> (share ? OffsetResetRequest.forShareGroup(r) : OffsetResetRequest.forConsumerGroup(r)).plan(groupId, topic, reset);
  }

  private static AdminFailure resetFailure(boolean share, String groupId, String topic) {
    return new AdminFailure("reset the offsets of " + (share ? "share" : "consumer") + " group '" + groupId + "' on topic '"
        + topic + "'", topic, groupId);
  }

  private static Function<GroupRequests, CompletableFuture<Map<Integer, Long>>> resetRequest(boolean share, String groupId,
      String topic, OffsetReset reset) {
    checked(groupId);
    TopicNames.check(topic);
    Objects.requireNonNull(reset, "reset");
    return r -> (share ? OffsetResetRequest.forShareGroup(r) : OffsetResetRequest.forConsumerGroup(r)).reset(groupId, topic, reset);
  }

  private static String checked(String groupId) {
    if (groupId == null || groupId.isBlank()) {
      throw new IllegalArgumentException("groupId must not be blank");
    }
    return groupId;
  }

  private <T> CompletableFuture<T> run(AdminFailure failure, Function<GroupRequests, CompletableFuture<T>> request) {
    long deadline = System.nanoTime() + timeout.toNanos();
    return UnknownNames.suggesting(AdminFutures.bounded(request.apply(new GroupRequests(admin.kafkaAdmin())), timeout, failure),
        admin.kafkaAdmin(), deadline, failure);
  }

  private <T> T await(AdminFailure failure, Function<GroupRequests, CompletableFuture<T>> request) {
    return AdminFutures.await(run(failure, request), timeout, failure);
  }
}
