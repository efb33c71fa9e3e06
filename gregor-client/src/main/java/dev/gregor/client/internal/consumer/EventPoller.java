package dev.gregor.client.internal.consumer;

import dev.gregor.client.Event;
import dev.gregor.client.GregorException;
import dev.gregor.client.Message;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;

/**
 * confluent-kafka-go's {@code Poll}: one event at a time from a {@link GroupMember} — rebalances
 * first, then the messages of a poll, then the ends of partitions reached (opt-in).
 */
public final class EventPoller {
  private final PolledMember group;
  private final boolean markOnReturn;
  // Events, and a PolledMessages for each poll's messages, in the order they are handed out.
  private final Deque<Object> pending = new ArrayDeque<>();
  private final Map<TopicPartition, Long> endReported = new HashMap<>();
  private final MarkRun marks;
  private Message handedOut;

  /** {@code markOnReturn}: a message counts as processed when the application polls again. */
  public EventPoller(PolledMember group, boolean markOnReturn) {
    this.group = group;
    this.markOnReturn = markOnReturn;
    this.marks = markOnReturn ? new MarkRun(group) : null;
  }

  /** Whether the member this polls has closed: stopped, failed, or its client closed. */
  public boolean memberClosed() {
    return group.isClosed();
  }

  /** The next event, or null when {@code timeout} passes with none or the consumer was stopped. */
  public Event poll(Duration timeout) {
    if (group.isClosed()) {
      return null;
    }
    group.start(true);
    if (handedOut != null) {
      if (markOnReturn) { // the application came back for more: it is done with the last message
        marks.add(handedOut);
      }
      handedOut = null;
    }
    // Pauses and seeks asked from other threads apply from the next event, not after the rest of a poll.
    group.runQueuedCommands();
    group.partitions().releaseHeld();
    Event next = group.stopRequested() ? null : nextPending();
    if (next != null) { // the common case: what the last poll of Kafka returned
      return handOut(next);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    boolean polled = false;
    while (true) {
      if (group.stopRequested()) {
        group.close(); // commits what was handed out before and leaves the group
        return null;
      }
      Event event = nextPending();
      if (event != null) {
        return handOut(event);
      }
      long left = deadline - System.nanoTime();
      if (polled && left <= 0) {
        return null;
      }
      keepAlive(Duration.ofNanos(Math.max(0, Math.min(left, GroupMember.POLL.toNanos()))));
      polled = true;
    }
  }

  /** Returns {@code event}, remembering a message so the next poll can mark it processed. */
  private Event handOut(Event event) {
    if (event instanceof Message message) {
      handedOut = message;
    }
    return event;
  }

  /**
   * The next queued event; a message only while the member is still counted in the group (as
   * eachMessage's guard): otherwise the rest of its poll is fetched again, by whoever owns it then.
   */
  private Event nextPending() {
    while (true) {
      Object head = pending.peek();
      if (head == null) {
        return null;
      }
      if (head instanceof Event event) {
        pending.poll();
        return event;
      }
      PolledMessages messages = (PolledMessages) head;
      if (!group.inGroup()) {
        messages.holdBackRest(group);
      }
      Message message = messages.next(group.partitions());
      if (message != null) {
        return message;
      }
      pending.poll();
    }
  }

  /** Polls once and queues what came back; also what keeps the membership while the application is busy. */
  void keepAlive(Duration timeout) {
    ConsumerRecords<byte[], byte[]> records;
    try {
      records = group.pollOnce(timeout);
    } catch (KafkaException e) {
      queueRebalances();
      pending.add(new Event.KafkaError(new GregorException("Consumer error: " + e.getMessage(), e),
          e instanceof RetriableException));
      return;
    }
    queueRebalances();
    if (!records.isEmpty()) {
      records.partitions().forEach(endReported::remove);
      pending.add(new PolledMessages(records));
    }
    if (group.settings().partitionEof()) {
      reportEnds();
    }
  }

  private void queueRebalances() {
    Deque<Event> rebalances = group.rebalances().events();
    for (Event event : rebalances) {
      if (event instanceof Event.PartitionsRevoked revoked) {
        revoked.partitions().forEach(p -> endReported.remove(PartitionIds.toKafka(p.topic(), p.partition())));
        // Messages polled before the rebalance but not handed out yet now belong to another member.
        pending.forEach(item -> {
          if (item instanceof PolledMessages messages) {
            messages.drop(revoked.partitions());
          }
        });
      }
      pending.add(event);
    }
    rebalances.clear();
  }

  private void reportEnds() {
    for (TopicPartition tp : group.rebalances().assigned()) {
      if (!endReported.containsKey(tp) && group.lag(tp) == 0) {
        long end = group.position(tp);
        endReported.put(tp, end);
        pending.add(new Event.PartitionEof(tp.topic(), tp.partition(), end));
      }
    }
  }
}
