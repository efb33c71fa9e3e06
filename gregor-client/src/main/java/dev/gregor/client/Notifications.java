package dev.gregor.client;

import dev.gregor.client.internal.events.NotificationBus;
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
}
