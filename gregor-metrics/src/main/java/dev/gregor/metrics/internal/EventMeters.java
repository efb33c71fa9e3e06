package dev.gregor.metrics.internal;

import static dev.gregor.metrics.internal.MeterNames.*;

import dev.gregor.client.Notification;
import dev.gregor.client.NotificationListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns a client's notifications into meters (ruby-kafka's "What to Monitor"). Runs on the
 * subscription's own thread, so a slow registry never slows Kafka work. Tags follow ruby-kafka's
 * Datadog reporter: {@code client}, {@code group_id}, {@code topic}, {@code partition}.
 */
public final class EventMeters implements NotificationListener {
  /** The events this listener records; others (heartbeats, start_ events) are never built for it. */
  public static final Pattern EVENTS = Pattern.compile(
      "(produce_message|deliver_messages|ack_message|buffer_overflow|topic_error)\\.producer"
          + "|(process_message|process_batch|join_group|sync_group|leave_group|seek|commit_offsets|pause_status)\\.consumer"
          + "|request\\.connection");

  private final MeterRegistry registry;
  private final Tags common;
  private final GaugeValues gauges;
  private final Map<MeterKey, Meter> meters = new ConcurrentHashMap<>();

  public EventMeters(MeterRegistry registry, Tags common) {
    this.registry = registry;
    this.common = common;
    this.gauges = new GaugeValues(registry);
  }

  @Override
  public void on(Notification n) {
    Tags client = common.and("client", text(n.get("client_id")));
    switch (n.name()) {
      case "produce_message.producer" -> {
        counter(PRODUCE_MESSAGES, client.and("topic", text(n.get("topic")))).increment();
        double size = number(n.get("buffer_size"));
        double max = number(n.get("max_buffer_size"));
        gauges.set(BUFFER_SIZE, client, size);
        gauges.set(BUFFER_FILL_RATIO, client, max > 0 ? size / max : 0);
      }
      case "buffer_overflow.producer" -> counter(BUFFER_OVERFLOWS, client.and("topic", text(n.get("topic")))).increment();
      case "deliver_messages.producer" -> {
        timer(DELIVER_LATENCY, client).record(n.duration());
        counter(DELIVER_MESSAGES, client).increment(number(n.get("delivered_message_count")));
        counter(DELIVER_ATTEMPTS, client).increment(number(n.get("attempts")));
        if (n.phase() == Notification.Phase.EXCEPTION) {
          counter(DELIVER_ERRORS, client).increment();
        }
      }
      case "ack_message.producer" -> counter(ACK_MESSAGES, client.and("topic", text(n.get("topic")))).increment();
      case "topic_error.producer" -> counter(TOPIC_ERRORS, client.and("topic", text(n.get("topic")))).increment();
      case "request.connection" -> requests(n, client.and("api", text(n.get("api"))).and("broker", text(n.get("broker"))));
      default -> onConsumer(n, client.and("group_id", text(n.get("group_id"))));
    }
  }

  /** ruby-kafka's api.* metrics; the event itself is derived from kafka-clients' per-broker counters. */
  private void requests(Notification n, Tags broker) {
    counter(API_CALLS, broker).increment(number(n.get("request_count")));
    counter(API_REQUEST_BYTES, broker).increment(number(n.get("request_size")));
    counter(API_RESPONSE_BYTES, broker).increment(number(n.get("response_size")));
    gauges.set(API_LATENCY, broker, number(n.get("latency_avg_ms")));
  }

  private void onConsumer(Notification n, Tags group) {
    boolean failed = n.phase() == Notification.Phase.EXCEPTION;
    switch (n.name()) {
      case "process_message.consumer" -> {
        Tags topic = group.and("topic", text(n.get("topic")));
        timer(PROCESS_MESSAGE_LATENCY, topic).record(n.duration());
        counter(CONSUMER_MESSAGES, topic).increment();
        if (failed) {
          counter(PROCESS_MESSAGE_ERRORS, topic).increment();
        }
        if (n.get("offset_lag") != null) { // a queue (share group) has no position, so no lag
          gauges.set(LAG, topic.and("partition", text(n.get("partition"))), number(n.get("offset_lag")));
        }
      }
      case "process_batch.consumer" -> {
        Tags topic = group.and("topic", text(n.get("topic")));
        timer(PROCESS_BATCH_LATENCY, topic).record(n.duration());
        double count = number(n.get("message_count"));
        counter(CONSUMER_MESSAGES, topic).increment(count);
        summary(BATCH_SIZE, topic).record(count);
        if (failed) {
          counter(PROCESS_BATCH_ERRORS, topic).increment();
        }
        gauges.set(LAG, topic.and("partition", text(n.get("partition"))), number(n.get("offset_lag")));
      }
      case "join_group.consumer" -> counter(JOIN_GROUP, group).increment();
      case "sync_group.consumer" -> synced(n, group);
      case "leave_group.consumer" -> counter(LEAVE_GROUP, group).increment();
      case "seek.consumer" -> counter(SEEKS, group.and("topic", text(n.get("topic")))).increment();
      case "commit_offsets.consumer" -> {
        timer(COMMIT_LATENCY, group).record(n.duration());
        counter(COMMIT_OFFSETS, group).increment(number(n.get("offset_count")));
        if (failed) {
          counter(COMMIT_ERRORS, group).increment();
        }
      }
      case "pause_status.consumer" -> gauges.set(PAUSE_DURATION,
          group.and("topic", text(n.get("topic"))).and("partition", text(n.get("partition"))), number(n.get("duration")));
      default -> { }
    }
  }

  /** Counts the assignment, and drops lag and pause gauges of partitions this member no longer has. */
  private void synced(Notification n, Tags group) {
    counter(SYNC_GROUP, group).increment();
    Map<?, ?> assignment = n.get("topic_partitions") instanceof Map<?, ?> map ? map : Map.of();
    gauges.set(ASSIGNED_PARTITIONS, group, assignment.values().stream()
        .mapToInt(partitions -> partitions instanceof Collection<?> c ? c.size() : 0).sum());
    for (String name : new String[] {LAG, PAUSE_DURATION}) {
      gauges.removeIf(name, tags -> sameGroup(tags, group) && !assigned(assignment, tags));
    }
  }

  private static boolean sameGroup(Tags tags, Tags group) {
    return group.stream().allMatch(tag -> tags.stream().anyMatch(tag::equals));
  }

  private static boolean assigned(Map<?, ?> assignment, Tags tags) {
    String topic = tagValue(tags, "topic");
    String partition = tagValue(tags, "partition");
    return assignment.get(topic) instanceof Collection<?> partitions
        && partitions.stream().anyMatch(p -> String.valueOf(p).equals(partition));
  }

  private static String tagValue(Tags tags, String key) {
    return tags.stream().filter(tag -> tag.getKey().equals(key)).map(tag -> tag.getValue()).findFirst().orElse(null);
  }

  private Counter counter(String name, Tags tags) {
    return meter(name, tags, key -> Counter.builder(name).tags(tags).register(registry));
  }

  private Timer timer(String name, Tags tags) {
    return meter(name, tags, key -> Timer.builder(name).tags(tags).register(registry));
  }

  private DistributionSummary summary(String name, Tags tags) {
    return meter(name, tags, key -> DistributionSummary.builder(name).tags(tags).register(registry));
  }

  @SuppressWarnings("unchecked")
  private <M extends Meter> M meter(String name, Tags tags, Function<MeterKey, M> create) {
    return (M) meters.computeIfAbsent(new MeterKey(name, tags), create);
  }

  /** Removes every meter this listener registered. */
  public void removeMeters() {
    meters.values().forEach(registry::remove);
    meters.clear();
    gauges.removeAll();
  }

  private static String text(Object value) {
    return value == null ? "none" : value.toString();
  }

  private static double number(Object value) {
    return value instanceof Number number ? number.doubleValue() : 0;
  }

  private record MeterKey(String name, Tags tags) { }
}
