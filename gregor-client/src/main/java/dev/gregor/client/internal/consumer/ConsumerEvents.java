package dev.gregor.client.internal.consumer;

import dev.gregor.client.Batch;
import dev.gregor.client.Message;
import dev.gregor.client.internal.events.NotificationBus;
import dev.gregor.client.internal.events.Span;
import java.nio.charset.StandardCharsets;
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
  private boolean batches;

  public ConsumerEvents(NotificationBus bus, String groupId) {
    this.bus = bus;
    this.groupId = groupId;
  }

  NotificationBus bus() {
    return bus;
  }

  /** Whether process_message is wanted; cached per listener change, as it is asked once per message. */
  boolean wantsMessages() {
    refresh();
    return messages;
  }

  boolean wantsBatches() {
    refresh();
    return batches;
  }

  private void refresh() {
    int version = bus.version();
    if (version != seenVersion) {
      seenVersion = version;
      messages = bus.wants("process_message.consumer");
      batches = bus.wants("process_batch.consumer");
    }
  }

  /** {@code process_message.consumer} around one handler call ({@code start_process_message} before it). */
  Span processing(Message message, long highWatermark) {
    Map<String, Object> payload = payload();
    payload.put("value", text(message.value()));
    payload.put("key", text(message.key()));
    payload.put("topic", message.topic());
    payload.put("partition", message.partition());
    payload.put("offset", message.offset());
    payload.put("offset_lag", Math.max(0, highWatermark - message.offset() - 1));
    return bus.start("process_message.consumer", payload);
  }

  /** A queue's {@code process_message.consumer}: no lag (a share group has no position), the delivery count instead. */
  Span processing(Message message, int deliveryCount) {
    Map<String, Object> payload = payload();
    payload.put("value", text(message.value()));
    payload.put("key", text(message.key()));
    payload.put("topic", message.topic());
    payload.put("partition", message.partition());
    payload.put("offset", message.offset());
    payload.put("delivery_count", deliveryCount);
    return bus.start("process_message.consumer", payload);
  }

  /** {@code process_batch.consumer} around one batch handler call. */
  Span processing(Batch batch) {
    Map<String, Object> payload = payload();
    payload.put("message_count", batch.messages().size());
    payload.put("topic", batch.topic());
    payload.put("partition", batch.partition());
    payload.put("highwater_mark_offset", batch.highWatermark());
    payload.put("offset_lag", batch.offsetLag());
    return bus.start("process_batch.consumer", payload);
  }

  /** {@code join_group} then {@code sync_group}: kafka-clients reports both only as the finished assignment. */
  void assigned(Collection<TopicPartition> assignment) {
    if (bus.wants("join_group.consumer")) {
      bus.event("join_group.consumer", payload());
    }
    if (bus.wants("sync_group.consumer")) {
      Map<String, Object> payload = payload();
      payload.put("topic_partitions", byTopic(assignment));
      bus.event("sync_group.consumer", payload);
    }
  }

  Span leaving() {
    return bus.wants("leave_group.consumer") ? bus.start("leave_group.consumer", payload()) : Span.NONE;
  }

  Span committing(int partitions) {
    if (!bus.wants("commit_offsets.consumer")) {
      return Span.NONE;
    }
    Map<String, Object> payload = payload();
    payload.put("offset_count", partitions);
    return bus.start("commit_offsets.consumer", payload);
  }

  void sought(TopicPartition partition, long offset) {
    if (bus.wants("seek.consumer")) {
      Map<String, Object> payload = payload();
      payload.put("topic", partition.topic());
      payload.put("partition", partition.partition());
      payload.put("offset", offset);
      bus.event("seek.consumer", payload);
    }
  }

  boolean wantsHeartbeats() {
    return bus.wants("heartbeat.consumer");
  }

  void heartbeat(Collection<TopicPartition> assignment) {
    Map<String, Object> payload = payload();
    payload.put("topic_partitions", byTopic(assignment));
    bus.event("heartbeat.consumer", payload);
  }

  boolean wantsPauseStatus() {
    return bus.wants("pause_status.consumer");
  }

  void pauseStatus(TopicPartition partition, Duration pausedFor) {
    Map<String, Object> payload = payload();
    payload.put("topic", partition.topic());
    payload.put("partition", partition.partition());
    payload.put("duration", pausedFor.toMillis() / 1000.0);
    bus.event("pause_status.consumer", payload);
  }

  private Map<String, Object> payload() {
    Map<String, Object> payload = bus.payload();
    if (groupId != null) { // group-less reading: no group to name
      payload.put("group_id", groupId);
    }
    return payload;
  }

  private static Map<String, List<Integer>> byTopic(Collection<TopicPartition> assignment) {
    Map<String, List<Integer>> byTopic = new TreeMap<>();
    assignment.forEach(tp -> byTopic.computeIfAbsent(tp.topic(), t -> new ArrayList<>()).add(tp.partition()));
    byTopic.values().forEach(list -> list.sort(null));
    return byTopic;
  }

  private static String text(byte[] bytes) {
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }
}
