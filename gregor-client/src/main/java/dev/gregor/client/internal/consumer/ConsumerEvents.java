package dev.gregor.client.internal.consumer;

import dev.gregor.client.ClientEvent;
import dev.gregor.client.EventKeys;
import dev.gregor.client.Batch;
import dev.gregor.client.Message;
import dev.gregor.client.internal.events.NotificationBus;
import dev.gregor.client.internal.events.Payload;
import dev.gregor.client.internal.events.Span;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/** ruby-kafka's consumer notifications for one group member (or group-less reader), built only when someone listens. */
public final class ConsumerEvents {
  private final NotificationBus bus;
  private final String groupId;
  private int seenVersion = -1;
  private boolean messages;
  private boolean hooked;
  private boolean batches;
  /** When the message being processed started, for the hooks; a member processes one message at a time. */
  private long startedAt;

  public ConsumerEvents(NotificationBus bus, String groupId) {
    this.bus = bus;
    this.groupId = groupId;
  }

  NotificationBus bus() {
    return bus;
  }

  /**
   * Whether each message is instrumented: a listener wants process_message, or a {@code ProcessedHook} is registered;
   * cached per listener change, as it is asked once per message.
   */
  boolean instrumentsMessages() {
    refresh();
    return messages || hooked;
  }

  boolean wantsBatches() {
    refresh();
    return batches;
  }

  private void refresh() {
    int version = bus.version();
    if (version != seenVersion) {
      seenVersion = version;
      messages = bus.wants(ClientEvent.PROCESS_MESSAGE);
      hooked = bus.hooked();
      batches = bus.wants(ClientEvent.PROCESS_BATCH);
    }
  }

  /**
   * Starts one handler call's instrumentation: the hooks' clock, and {@code process_message.consumer} when a listener
   * wants it ({@code start_process_message} before it). {@link #processed} ends it for the hooks.
   */
  Span processing(Message message, long highWatermark) {
    return processing(message, EventKeys.OFFSET_LAG, lag(message, highWatermark));
  }

  /** A queue's {@code process_message.consumer}: no lag (a share group has no position), the delivery count instead. */
  Span processing(Message message, int deliveryCount) {
    return processing(message, EventKeys.DELIVERY_COUNT, deliveryCount);
  }

  /** {@code process_message.consumer} with the message's keys and {@code last} (its lag, or a queue's delivery count). */
  private Span processing(Message message, String lastKey, Object last) {
    startedAt = hooked ? System.nanoTime() : 0;
    if (!messages) {
      return Span.NONE;
    }
    Payload payload = payload();
    payload.putText(EventKeys.VALUE, message.value());
    payload.putText(EventKeys.KEY, message.key());
    payload.put(EventKeys.TOPIC, message.topic());
    payload.put(EventKeys.PARTITION, message.partition());
    payload.put(EventKeys.OFFSET, message.offset());
    payload.put(lastKey, last);
    return bus.start(ClientEvent.PROCESS_MESSAGE, payload);
  }

  /** Tells the hooks the handler call {@link #processing} started has ended; {@code offsetLag} -1 for a queue. */
  void processed(Message message, long offsetLag, boolean failed) {
    if (hooked) {
      bus.processed(groupId, message.topic(), message.partition(), message.offset(), offsetLag,
          System.nanoTime() - startedAt, failed);
    }
  }

  /** Lag after {@code message}, as process_message reports it. */
  static long lag(Message message, long highWatermark) {
    return Math.max(0, highWatermark - message.offset() - 1);
  }

  /** {@code process_batch.consumer} around one batch handler call. */
  Span processing(Batch batch) {
    Map<String, Object> payload = payload();
    payload.put(EventKeys.MESSAGE_COUNT, batch.messages().size());
    payload.put(EventKeys.TOPIC, batch.topic());
    payload.put(EventKeys.PARTITION, batch.partition());
    payload.put(EventKeys.HIGHWATER_MARK_OFFSET, batch.highWatermark());
    payload.put(EventKeys.OFFSET_LAG, batch.offsetLag());
    return bus.start(ClientEvent.PROCESS_BATCH, payload);
  }

  /** {@code join_group} then {@code sync_group}: kafka-clients reports both only as the finished assignment. */
  void assigned(Collection<TopicPartition> assignment) {
    if (bus.wants(ClientEvent.JOIN_GROUP)) {
      bus.event(ClientEvent.JOIN_GROUP, payload());
    }
    if (bus.wants(ClientEvent.SYNC_GROUP)) {
      Map<String, Object> payload = payload();
      payload.put(EventKeys.TOPIC_PARTITIONS, byTopic(assignment));
      bus.event(ClientEvent.SYNC_GROUP, payload);
    }
  }

  Span leaving() {
    return bus.wants(ClientEvent.LEAVE_GROUP) ? bus.start(ClientEvent.LEAVE_GROUP, payload()) : Span.NONE;
  }

  Span committing(int partitions) {
    if (!bus.wants(ClientEvent.COMMIT_OFFSETS)) {
      return Span.NONE;
    }
    Map<String, Object> payload = payload();
    payload.put(EventKeys.OFFSET_COUNT, partitions);
    return bus.start(ClientEvent.COMMIT_OFFSETS, payload);
  }

  void sought(TopicPartition partition, long offset) {
    if (bus.wants(ClientEvent.SEEK)) {
      Map<String, Object> payload = payload();
      payload.put(EventKeys.TOPIC, partition.topic());
      payload.put(EventKeys.PARTITION, partition.partition());
      payload.put(EventKeys.OFFSET, offset);
      bus.event(ClientEvent.SEEK, payload);
    }
  }

  boolean wantsHeartbeats() {
    return bus.wants(ClientEvent.HEARTBEAT);
  }

  void heartbeat(Collection<TopicPartition> assignment) {
    Map<String, Object> payload = payload();
    payload.put(EventKeys.TOPIC_PARTITIONS, byTopic(assignment));
    bus.event(ClientEvent.HEARTBEAT, payload);
  }

  boolean wantsPauseStatus() {
    return bus.wants(ClientEvent.PAUSE_STATUS);
  }

  void pauseStatus(TopicPartition partition, Duration pausedFor) {
    Map<String, Object> payload = payload();
    payload.put(EventKeys.TOPIC, partition.topic());
    payload.put(EventKeys.PARTITION, partition.partition());
    payload.put(EventKeys.DURATION, pausedFor.toMillis() / 1000.0);
    bus.event(ClientEvent.PAUSE_STATUS, payload);
  }

  private Payload payload() {
    Payload payload = bus.payload();
    if (groupId != null) { // group-less reading: no group to name
      payload.put(EventKeys.GROUP_ID, groupId);
    }
    return payload;
  }

  private static Map<String, List<Integer>> byTopic(Collection<TopicPartition> assignment) {
    Map<String, List<Integer>> byTopic = new TreeMap<>();
    assignment.forEach(tp -> byTopic.computeIfAbsent(tp.topic(), t -> new ArrayList<>()).add(tp.partition()));
    byTopic.values().forEach(list -> list.sort(null));
    return byTopic;
  }
}
