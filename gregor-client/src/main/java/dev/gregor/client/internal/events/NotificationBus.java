package dev.gregor.client.internal.events;

import dev.gregor.client.EventKind;
import dev.gregor.client.EventKeys;
import dev.gregor.client.Notification;
import dev.gregor.client.NotificationListener;
import dev.gregor.client.NotificationSubscription;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * Sends a client's notifications to the listeners that want them. Emitting is cheap and never
 * blocks: with no interested listener nothing is built, and each listener has its own bounded
 * queue and thread ({@link ListenerQueue}).
 */
public final class NotificationBus implements AutoCloseable {
  private final String clientId;
  private final CopyOnWriteArrayList<ListenerQueue> listeners = new CopyOnWriteArrayList<>();
  private final Map<String, Boolean> interest = new ConcurrentHashMap<>();
  private final Map<String, Boolean> startInterest = new ConcurrentHashMap<>();
  private volatile int version;

  public NotificationBus(String clientId) {
    this.clientId = clientId;
  }

  /** {@code name}, {@code *.namespace} or {@code *} as a pattern over event names. */
  public static Pattern filter(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must be an event name such as 'deliver_messages.producer', "
          + "a namespace such as '*.producer', or '*'");
    }
    StringBuilder regex = new StringBuilder();
    for (String part : name.split("\\*", -1)) {
      regex.append(regex.length() == 0 && part.isEmpty() ? "" : Pattern.quote(part)).append(".*");
    }
    return Pattern.compile(regex.substring(0, regex.length() - 2));
  }

  public NotificationSubscription subscribe(Pattern names, boolean spans, NotificationListener listener) {
    if (names == null || listener == null) {
      throw new IllegalArgumentException("a name filter and a listener are both needed");
    }
    ListenerQueue queue = new ListenerQueue(names, spans, listener, this::unsubscribe);
    listeners.add(queue);
    interest.clear();
    startInterest.clear();
    version++;
    return queue;
  }

  private void unsubscribe(ListenerQueue queue) {
    listeners.remove(queue);
    interest.clear();
    startInterest.clear();
    version++;
  }

  /** Changes whenever listeners come or go, so hot paths can cache {@link #wants} answers. */
  public int version() {
    return version;
  }

  /** Whether any listener wants events of {@code kind}; callers skip building payloads otherwise. */
  public boolean wants(EventKind kind) {
    if (listeners.isEmpty()) {
      return false;
    }
    return interest.computeIfAbsent(kind.eventName(), n -> listeners.stream().anyMatch(l -> l.matches(n)));
  }

  /** A payload with {@code client_id} set, to add ruby-kafka's keys to. */
  public Payload payload() {
    Payload payload = new Payload();
    payload.put(EventKeys.CLIENT_ID, clientId);
    return payload;
  }

  /** Sends an event without duration. */
  public void event(EventKind kind, Map<String, Object> payload) {
    EventKinds.register(kind);
    // The caller built this map for this event alone, so it is handed over without a copy.
    send(new Notification(kind.eventName(), Notification.Phase.EVENT, Instant.now(), Duration.ZERO, null,
        java.util.Collections.unmodifiableMap(payload)));
  }

  /** Starts a timed operation; {@link Span#NONE} when nobody listens. */
  public Span start(EventKind kind, Map<String, Object> payload) {
    if (!wants(kind)) {
      return Span.NONE;
    }
    EventKinds.register(kind);
    String name = kind.eventName();
    Span span = new Span(this, name, payload); // the span adds to its own copy; the start event keeps this one
    // Most listeners (metrics) take only the end: a START nobody takes is not built, per message that counts.
    if (startInterest.computeIfAbsent(name, n -> listeners.stream().anyMatch(l -> l.wantsStartOf(n)))) {
      send(new Notification(name, Notification.Phase.START, Instant.now(), Duration.ZERO, null,
          java.util.Collections.unmodifiableMap(payload)));
    }
    return span;
  }

  void send(Notification notification) {
    for (ListenerQueue listener : listeners) {
      if (listener.wants(notification)) {
        listener.offer(notification);
      }
    }
  }

  @Override
  public void close() {
    listeners.forEach(ListenerQueue::close);
    listeners.clear();
    interest.clear();
    startInterest.clear();
  }
}
