package dev.gregor.client.internal.consumer;

import dev.gregor.client.Event;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the group's assignment: commits what was processed before a partition is given up,
 * sets each new partition's start, and records rebalance events for {@code poll}.
 */
final class Rebalances implements ConsumerRebalanceListener {
  private static final Logger LOG = LoggerFactory.getLogger(Rebalances.class);

  /** Runs the commit of processed offsets for partitions about to be revoked. */
  interface Committer {
    void commitBeforeRevoke(Collection<TopicPartition> partitions);
  }

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Subscriptions subscriptions;
  private final Committer committer;
  private final ConsumerEvents notifications;
  private final Set<TopicPartition> assigned = new HashSet<>();
  private final Set<TopicPartition> held = new HashSet<>();
  // What other threads may check before queueing a call: the assignment as of the last rebalance, and all it ever held.
  private volatile Set<TopicPartition> published = Set.of();
  private final Set<TopicPartition> everAssigned = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final Deque<Event> events = new ArrayDeque<>();
  private boolean recordEvents;
  private boolean holdNew;
  private Consumer<Collection<TopicPartition>> onGone = gone -> { };
  private Consumer<Collection<TopicPartition>> onRevoked = revoked -> { };

  Rebalances(KafkaConsumer<byte[], byte[]> consumer, Subscriptions subscriptions, Committer committer,
      ConsumerEvents notifications) {
    this.consumer = consumer;
    this.notifications = notifications;
    this.subscriptions = subscriptions;
    this.committer = committer;
  }

  /** Event modes: keep events, and hold new partitions back until the application has seen them. */
  void recordEvents() {
    recordEvents = true;
    holdNew = true;
  }

  void onGone(Consumer<Collection<TopicPartition>> forget) {
    this.onGone = forget;
  }

  /** Partitions given up in an orderly rebalance (not lost): what a deleted topic looks like to a member. */
  void onRevoked(Consumer<Collection<TopicPartition>> revoked) {
    this.onRevoked = revoked;
  }

  @Override
  public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
    committer.commitBeforeRevoke(partitions); // what was processed is kept before another member takes over
    if (!partitions.isEmpty()) {
      LOG.info("Gave up {} after committing what was processed", partitions);
    }
    gone(partitions, false);
    onRevoked.accept(partitions);
  }

  @Override
  public void onPartitionsLost(Collection<TopicPartition> partitions) {
    LOG.warn("Lost {}: the group moved on without this member; their uncommitted messages will be read again", partitions);
    gone(partitions, true); // another member may already own them; committing would be wrong
  }

  @Override
  public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
    assigned.addAll(partitions);
    everAssigned.addAll(partitions);
    published = Set.copyOf(assigned);
    if (!partitions.isEmpty()) {
      LOG.info("Assigned {}", partitions);
    }
    if (subscriptions.commonStart() == null && !partitions.isEmpty()) {
      startWhereNothingWasCommitted(partitions);
    }
    if (holdNew && !partitions.isEmpty()) {
      consumer.pause(partitions);
      held.addAll(partitions);
      // The poll this runs in would otherwise wait out its whole timeout, every new partition being
      // held; waking it hands the assignment to the application at once (fetched data stays buffered).
      consumer.wakeup();
    }
    notifications.assigned(assigned);
    record(new Event.PartitionsAssigned(PartitionIds.publicList(partitions)));
  }

  private void startWhereNothingWasCommitted(Collection<TopicPartition> partitions) {
    Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
    List<TopicPartition> fresh = partitions.stream().filter(p -> committed.get(p) == null).collect(Collectors.toList());
    consumer.seekToBeginning(fresh.stream().filter(p -> subscriptions.startsFromBeginning(p.topic())).collect(Collectors.toList()));
    consumer.seekToEnd(fresh.stream().filter(p -> !subscriptions.startsFromBeginning(p.topic())).collect(Collectors.toList()));
  }

  private void gone(Collection<TopicPartition> partitions, boolean lost) {
    assigned.removeAll(partitions);
    published = Set.copyOf(assigned);
    held.removeAll(partitions);
    onGone.accept(partitions);
    record(new Event.PartitionsRevoked(PartitionIds.publicList(partitions), lost));
  }

  /** Another event for {@code poll}, in event modes. */
  void report(Event event) {
    record(event);
  }

  private void record(Event event) {
    if (recordEvents) {
      events.add(event);
    }
  }

  boolean owns(TopicPartition partition) {
    return assigned.contains(partition);
  }

  Set<TopicPartition> assigned() {
    return assigned;
  }

  /** The assignment as of the last rebalance; safe from any thread. */
  Set<TopicPartition> published() {
    return published;
  }

  /** Whether {@code partition} was ever assigned to this member; safe from any thread. */
  boolean everAssigned(TopicPartition partition) {
    return everAssigned.contains(partition);
  }

  /** New partitions the application has now seen; returns them so they can be resumed. */
  Set<TopicPartition> releaseHeld() {
    if (held.isEmpty()) {
      return Set.of();
    }
    Set<TopicPartition> released = new HashSet<>(held);
    held.clear();
    return released;
  }

  boolean isHeld(TopicPartition partition) {
    return held.contains(partition);
  }

  Deque<Event> events() {
    return events;
  }
}
