package dev.gregor.client.internal.events;

import java.util.Map;

/** Which KafkaEx telemetry category each ruby-kafka event name belongs to. */
public final class NotificationCategories {
  private static final Map<String, String> BY_NAME = Map.ofEntries(
      Map.entry("produce_message.producer", "produce"),
      Map.entry("deliver_messages.producer", "produce"),
      Map.entry("ack_message.producer", "produce"),
      Map.entry("buffer_overflow.producer", "produce"),
      Map.entry("topic_error.producer", "produce"),
      Map.entry("transaction.producer", "produce"),
      Map.entry("process_message.consumer", "consumer"),
      Map.entry("start_process_message.consumer", "consumer"),
      Map.entry("process_batch.consumer", "consumer"),
      Map.entry("start_process_batch.consumer", "consumer"),
      Map.entry("join_group.consumer", "consumer"),
      Map.entry("sync_group.consumer", "consumer"),
      Map.entry("leave_group.consumer", "consumer"),
      Map.entry("heartbeat.consumer", "consumer"),
      Map.entry("pause_status.consumer", "consumer"),
      Map.entry("seek.consumer", "offset"),
      Map.entry("commit_offsets.consumer", "offset"),
      Map.entry("fetch_messages.connection", "fetch"),
      Map.entry("metadata.connection", "metadata"),
      Map.entry("connect.connection", "connection"),
      Map.entry("disconnect.connection", "connection"),
      Map.entry("authenticate.sasl", "sasl_auth"),
      Map.entry("request.connection", "request"));

  private NotificationCategories() {}

  public static String of(String name) {
    return BY_NAME.getOrDefault(name, "other");
  }
}
