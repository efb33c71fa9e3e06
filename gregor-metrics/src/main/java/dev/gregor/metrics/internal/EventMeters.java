package dev.gregor.metrics.internal;

import static dev.gregor.metrics.internal.MeterNames.*;

import static dev.gregor.client.EventKeys.*;

import dev.gregor.client.ClientEvent;
import dev.gregor.client.EventKeys;
import dev.gregor.client.Notification;
import dev.gregor.client.NotificationListener;
import dev.gregor.client.ProcessedHook;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Collection;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Turns a client's notifications into meters (ruby-kafka's "What to Monitor"). Runs on the
 * subscription's own thread, so a slow registry never slows Kafka work — except process_message,
 * one per message, which arrives as a {@link ProcessedHook} call on the consumer's thread and costs
 * a timer, a counter and a gauge write there. Tags follow ruby-kafka's Datadog reporter:
 * {@code client}, {@code group_id}, {@code topic}, {@code partition}.
 */
public final class EventMeters implements NotificationListener, ProcessedHook {
  /**
   * The events this listener takes as notifications: those {@link #metered} says but process_message, which the
   * hook records; others are never built for it.
   */
  public static final Pattern EVENTS = Pattern.compile(Arrays.stream(ClientEvent.values()).filter(EventMeters::metered)
      .filter(kind -> kind != ClientEvent.PROCESS_MESSAGE)
      .map(kind -> Pattern.quote(kind.eventName())).collect(Collectors.joining("|")));


  private final MeterRegistry registry;
  private final Tags common;
  private final String clientId;
  private final GaugeValues gauges;
  private final Map<MeterKey, Meter> meters = new ConcurrentHashMap<>();
  /** The meters of process_message per partition, found once: building tags per message cost most of the listener. */
  private final Map<PartitionKey, PartitionMeters> partitions = new ConcurrentHashMap<>();
  /** The partition the hook met last: a consumer's messages come in runs of one partition, so most calls stop here. */
  private volatile LastPartition last;

  public EventMeters(MeterRegistry registry, Tags common, String clientId) {
    this.registry = registry;
    this.common = common;
    this.clientId = clientId;
    this.gauges = new GaugeValues(registry);
  }

  /**
   * Whether events of {@code kind} become meters. A switch without default: a kind added to the
   * client does not compile here until it is decided, and MeteredEventsTest checks each metered
   * kind makes a meter.
   */
  public static boolean metered(ClientEvent kind) {
    return switch (kind) {
      case PRODUCE_MESSAGE, DELIVER_MESSAGES, ACK_MESSAGE, BUFFER_OVERFLOW, TOPIC_ERROR, PROCESS_MESSAGE, PROCESS_BATCH,
          JOIN_GROUP, SYNC_GROUP, LEAVE_GROUP, SEEK, COMMIT_OFFSETS, PAUSE_STATUS, REQUEST -> true;
      // The start of a span: its stop is metered with the duration.
      case START_PROCESS_MESSAGE, START_PROCESS_BATCH -> false;
      // Derived from kafka-clients' own metrics, which KafkaClientMeters binds directly
      // (heartbeat-total, connection-creation/close-total, successful/failed-authentication-total).
      case HEARTBEAT, CONNECT, DISCONNECT, AUTHENTICATE -> false;
      // Not in ruby-kafka's "What to Monitor"; listeners can time them from the spans.
      case TRANSACTION, FETCH_MESSAGES, METADATA -> false;
    };
  }

  @Override
  public void on(Notification n) {
    ClientEvent kind = ClientEvent.named(n.name()).orElse(null);
    if (kind == null || !metered(kind)) {
      return;
    }
    Tags client = common.and("client", text(n.get(CLIENT_ID)));
    switch (kind) {
      case PRODUCE_MESSAGE -> {
        counter(PRODUCE_MESSAGES, client.and("topic", text(n.get(TOPIC)))).increment();
        double size = number(n.get(EventKeys.BUFFER_SIZE));
        double max = number(n.get(MAX_BUFFER_SIZE));
        gauges.set(MeterNames.BUFFER_SIZE, client, size);
        gauges.set(BUFFER_FILL_RATIO, client, max > 0 ? size / max : 0);
      }
      case BUFFER_OVERFLOW -> counter(BUFFER_OVERFLOWS, client.and("topic", text(n.get(TOPIC)))).increment();
      case DELIVER_MESSAGES -> {
        timer(DELIVER_LATENCY, client).record(n.duration());
        counter(DELIVER_MESSAGES, client).increment(number(n.get(DELIVERED_MESSAGE_COUNT)));
        counter(DELIVER_ATTEMPTS, client).increment(number(n.get(ATTEMPTS)));
        if (n.phase() == Notification.Phase.EXCEPTION) {
          counter(DELIVER_ERRORS, client).increment();
        }
      }
      case ACK_MESSAGE -> counter(ACK_MESSAGES, client.and("topic", text(n.get(TOPIC)))).increment();
      case TOPIC_ERROR -> counter(TOPIC_ERRORS, client.and("topic", text(n.get(TOPIC)))).increment();
      case REQUEST -> requests(n, client.and("api", text(n.get(API))).and("broker", text(n.get(BROKER))));
      default -> onConsumer(kind, n, client.and("group_id", text(n.get(GROUP_ID))));
    }
  }

  /** ruby-kafka's api.* metrics; the event itself is derived from kafka-clients' per-broker counters. */
  private void requests(Notification n, Tags broker) {
    counter(API_CALLS, broker).increment(number(n.get(REQUEST_COUNT)));
    counter(API_REQUEST_BYTES, broker).increment(number(n.get(REQUEST_SIZE)));
    counter(API_RESPONSE_BYTES, broker).increment(number(n.get(RESPONSE_SIZE)));
    gauges.set(API_LATENCY, broker, number(n.get(LATENCY_AVG_MS)));
  }

  private void onConsumer(ClientEvent kind, Notification n, Tags group) {
    boolean failed = n.phase() == Notification.Phase.EXCEPTION;
    switch (kind) {
      case PROCESS_MESSAGE -> {
        Tags topic = group.and("topic", text(n.get(TOPIC)));
        timer(PROCESS_MESSAGE_LATENCY, topic).record(n.duration());
        counter(CONSUMER_MESSAGES, topic).increment();
        if (failed) {
          counter(PROCESS_MESSAGE_ERRORS, topic).increment();
        }
        if (n.get(OFFSET_LAG) != null) { // a queue (share group) has no position, so no lag
          gauges.set(LAG, topic.and("partition", text(n.get(PARTITION))), number(n.get(OFFSET_LAG)));
        }
      }
      case PROCESS_BATCH -> {
        Tags topic = group.and("topic", text(n.get(TOPIC)));
        timer(PROCESS_BATCH_LATENCY, topic).record(n.duration());
        double count = number(n.get(MESSAGE_COUNT));
        counter(CONSUMER_MESSAGES, topic).increment(count);
        summary(BATCH_SIZE, topic).record(count);
        if (failed) {
          counter(PROCESS_BATCH_ERRORS, topic).increment();
        }
        gauges.set(LAG, topic.and("partition", text(n.get(PARTITION))), number(n.get(OFFSET_LAG)));
      }
      case JOIN_GROUP -> counter(JOIN_GROUP, group).increment();
      case SYNC_GROUP -> synced(n, group);
      case LEAVE_GROUP -> counter(LEAVE_GROUP, group).increment();
      case SEEK -> counter(SEEKS, group.and("topic", text(n.get(TOPIC)))).increment();
      case COMMIT_OFFSETS -> {
        timer(COMMIT_LATENCY, group).record(n.duration());
        counter(COMMIT_OFFSETS, group).increment(number(n.get(OFFSET_COUNT)));
        if (failed) {
          counter(COMMIT_ERRORS, group).increment();
        }
      }
      case PAUSE_STATUS -> gauges.set(PAUSE_DURATION,
          group.and("topic", text(n.get(TOPIC))).and("partition", text(n.get(PARTITION))), number(n.get(DURATION)));
      default -> { }
    }
  }

  /** One message, on the consumer's thread: its partition's meters, found once and then kept. */
  @Override
  public void processed(@Nullable String groupId, String topic, int partition, long offset, long offsetLag, long nanos,
      boolean failed) {
    LastPartition seen = last;
    PartitionMeters meters;
    if (seen != null && seen.partition() == partition && seen.queue() == offsetLag < 0
        && Objects.equals(seen.group(), groupId) && seen.topic().equals(topic)) {
      meters = seen.meters();
    } else {
      meters = meters(clientId, groupId, topic, offsetLag < 0 ? null : partition);
      last = new LastPartition(groupId, topic, partition, offsetLag < 0, meters);
    }
    record(meters, offsetLag, nanos, failed);
  }

  private PartitionMeters meters(Object client, Object group, String topicName, Object partition) {
    PartitionKey key = new PartitionKey(client, group, topicName, partition);
    PartitionMeters meters = partitions.get(key);
    if (meters == null) {
      Tags topic = common.and("client", text(client)).and("group_id", text(group)).and("topic", topicName);
      meters = new PartitionMeters(topic, timer(PROCESS_MESSAGE_LATENCY, topic), counter(CONSUMER_MESSAGES, topic),
          partition == null ? null : gauges.level(LAG, topic.and("partition", text(partition))));
      partitions.put(key, meters);
    }
    return meters;
  }

  private void record(PartitionMeters meters, long lag, long nanos, boolean failed) {
    meters.latency().record(nanos, TimeUnit.NANOSECONDS);
    meters.messages().increment();
    if (failed) {
      counter(PROCESS_MESSAGE_ERRORS, meters.tags()).increment();
    }
    if (meters.lag() != null) { // a queue (share group) has no position, so no lag
      meters.lag().value = lag;
    }
  }

  /** Counts the assignment, and drops lag and pause gauges of partitions this member no longer has. */

  private void synced(Notification n, Tags group) {
    last = null;
    partitions.clear(); // lag gauges of partitions no longer assigned go below; the caches must not keep them
    counter(SYNC_GROUP, group).increment();
    Map<?, ?> assignment = n.get(TOPIC_PARTITIONS) instanceof Map<?, ?> map ? map : Map.of();
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
    last = null;
    partitions.clear();
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

  private record PartitionKey(Object client, Object group, Object topic, Object partition) { }

  private record PartitionMeters(Tags tags, Timer latency, Counter messages, GaugeValues.Level lag) { }

  private record LastPartition(@Nullable String group, String topic, int partition, boolean queue,
      PartitionMeters meters) { }
}
