package dev.gregor.client;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One instrumentation event (ruby-kafka's notifications, KafkaEx's telemetry spans): its
 * ruby-kafka name such as {@code deliver_messages.producer}, its phase, and its payload with
 * ruby-kafka's keys; every payload has {@code client_id}, those of a group or queue also {@code group_id}.
 *
 * @param duration how long the operation took ({@link Phase#STOP} and {@link Phase#EXCEPTION}), else zero
 * @param error what the operation failed with ({@link Phase#EXCEPTION}), else null
 */
public record Notification(String name, Phase phase, Instant time, Duration duration, @Nullable Throwable error,
    Map<String, Object> payload) {

  /** Where in an operation the event was sent. */
  public enum Phase {
    /** A timed operation began (KafkaEx {@code start}). */
    START,
    /** A timed operation ended normally (KafkaEx {@code stop}; ruby-kafka's event). */
    STOP,
    /** A timed operation failed (KafkaEx {@code exception}; ruby-kafka's event with an {@code exception} key). */
    EXCEPTION,
    /** Something happened that has no duration. */
    EVENT
  }

  /** Whether this is an event of {@code kind}. */
  public boolean is(EventKind kind) {
    return name.equals(kind.eventName());
  }

  /** One payload value, or null; keys are listed in {@link EventKeys}. */
  public @Nullable Object get(String key) {
    return payload.get(key);
  }

  /** The KafkaEx-style category: produce, consumer, offset, fetch, metadata, connection or request. */
  public String category() {
    return dev.gregor.client.internal.events.EventKinds.category(name);
  }

  /** The KafkaEx-style span name, e.g. {@code [gregor, produce, stop]} as {@code gregor.produce.stop}. */
  public String spanName() {
    return "gregor." + category() + "." + phase.name().toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public String toString() {
    return name + " " + phase + (duration.isZero() ? "" : " " + duration.toMillis() + " ms")
        + (error == null ? "" : " " + error) + " " + payload;
  }
}
