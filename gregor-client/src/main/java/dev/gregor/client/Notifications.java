package dev.gregor.client;

import dev.gregor.client.internal.events.NotificationBus;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A client's instrumentation bus (ruby-kafka's {@code ActiveSupport::Notifications} subscriptions,
 * KafkaEx's {@code :telemetry.attach}). Each listener gets its own queue and thread; while nobody
 * subscribes, nothing is built or sent.
 *
 * <pre>{@code
 * kafka.notifications().subscribe("*.producer", n -> log.info("{}", n));
 * kafka.notifications().subscribe(ClientEvent.DELIVER_MESSAGES, n -> stats.timing(n.duration()));
 * }</pre>
 */
public final class Notifications {
  private final NotificationBus bus;

  Notifications(NotificationBus bus) {
    this.bus = bus;
  }

  /**
   * Subscribes to finished events ({@code STOP}, {@code EXCEPTION}, {@code EVENT}) by exact name
   * ({@code deliver_messages.producer}), namespace ({@code *.producer}) or everything ({@code *}).
   */
  public NotificationSubscription subscribe(String name, NotificationListener listener) {
    return bus.subscribe(NotificationBus.filter(name), false, listener);
  }

  /** Subscribes to finished events whose name matches {@code pattern} entirely. */
  public NotificationSubscription subscribe(Pattern pattern, NotificationListener listener) {
    return bus.subscribe(pattern, false, listener);
  }

  /** Subscribes to finished events of {@code kind}: {@code subscribe(ClientEvent.ACK_MESSAGE, n -> ...)}. */
  public NotificationSubscription subscribe(EventKind kind, NotificationListener listener) {
    return subscribe(kind.eventName(), listener);
  }

  /** Subscribes to every phase of the timed events of {@code kind}, {@code START} included. */
  public NotificationSubscription subscribeSpans(EventKind kind, NotificationListener listener) {
    return subscribeSpans(kind.eventName(), listener);
  }

  /** Subscribes to KafkaEx-style spans: every phase, {@code START} included, of events matching {@code name}. */
  public NotificationSubscription subscribeSpans(String name, NotificationListener listener) {
    return bus.subscribe(NotificationBus.filter(name), true, listener);
  }

  /**
   * Registers {@code hook} to be told of each message a handler finished, on the consumer's thread, without a
   * notification object: for per-message meters. Close the subscription to remove it.
   */
  public NotificationSubscription hook(ProcessedHook hook) {
    return bus.hook(Objects.requireNonNull(hook, "hook"));
  }

  /** Whether any listener wants events of {@code kind}; build a payload only then. */
  public boolean wants(EventKind kind) {
    return bus.wants(Objects.requireNonNull(kind, "kind"));
  }

  /**
   * Sends a one-off event of another module's {@code kind} (the framework's) to the listeners that want it; the
   * payload gets {@code client_id}. {@link IllegalArgumentException} for a timed kind: {@link #start} those.
   */
  public void publish(EventKind kind, Map<String, ?> payload) {
    if (Objects.requireNonNull(kind, "kind").timed()) {
      throw new IllegalArgumentException(kind.eventName() + " is a timed event: start(kind, payload) it and stop it");
    }
    if (bus.wants(kind)) {
      Map<String, Object> full = bus.payload();
      full.putAll(payload);
      bus.event(kind, full);
    }
  }

  /**
   * Starts a timed event of {@code kind}: listeners see {@code START} now and {@code STOP} or {@code EXCEPTION} when
   * it ends. Costs nothing while nobody listens. {@link IllegalArgumentException} for a kind that is not timed.
   */
  public TimedEvent start(EventKind kind, Map<String, ?> payload) {
    if (!Objects.requireNonNull(kind, "kind").timed()) {
      throw new IllegalArgumentException(kind.eventName() + " is not a timed event: publish(kind, payload) it");
    }
    if (!bus.wants(kind)) {
      return dev.gregor.client.internal.events.Span.NONE;
    }
    Map<String, Object> full = bus.payload();
    full.putAll(payload);
    return bus.start(kind, full);
  }
}
