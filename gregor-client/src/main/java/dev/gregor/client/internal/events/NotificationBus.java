package dev.gregor.client.internal.events;

import dev.gregor.client.EventKind;
import dev.gregor.client.EventKeys;
import dev.gregor.client.Notification;
import dev.gregor.client.NotificationListener;
import dev.gregor.client.NotificationSubscription;
import dev.gregor.client.ProcessedHook;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

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
  private final ProcessedHooks hooks = new ProcessedHooks();
  private final AtomicInteger version = new AtomicInteger();

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
    changed();
    return queue;
  }

  private void unsubscribe(ListenerQueue queue) {
    listeners.remove(queue);
    changed();
  }

  /** The version moves first, so an answer computed from the old listeners is not kept (see {@link #cached}). */
  private void changed() {
    version.incrementAndGet();
    interest.clear();
    startInterest.clear();
  }

  /**
   * {@code answer} for {@code name}, cached until listeners change. An answer computed while a listener came or went
   * is dropped after use instead of kept: caching it could hide the new listener from a hot path for good.
   */
  private boolean cached(Map<String, Boolean> cache, String name, java.util.function.Predicate<ListenerQueue> wants) {
    Boolean known = cache.get(name);
    if (known != null) {
      return known;
    }
    int seen = version.get();
    boolean answer = listeners.stream().anyMatch(wants);
    cache.put(name, answer);
    if (version.get() != seen) {
      cache.remove(name);
    }
    return answer;
  }

  /** Registers a hook called for each message a handler finished; closing the subscription removes it. */
  public NotificationSubscription hook(ProcessedHook hook) {
    if (hook == null) {
      throw new IllegalArgumentException("a hook is needed");
    }
    return hooks.add(hook, this::changed);
  }

  /** Whether any {@link ProcessedHook} is registered. */
  public boolean hooked() {
    return hooks.any();
  }

  /** Calls every {@link ProcessedHook}, on this thread. */
  public void processed(@Nullable String groupId, String topic, int partition, long offset, long offsetLag, long nanos,
      boolean failed) {
    hooks.processed(groupId, topic, partition, offset, offsetLag, nanos, failed);
  }

  /** Changes whenever listeners or hooks come or go, so hot paths can cache {@link #wants} answers. */
  public int version() {
    return version.get();
  }

  /** Whether any listener wants events of {@code kind}; callers skip building payloads otherwise. */
  public boolean wants(EventKind kind) {
    if (listeners.isEmpty()) {
      return false;
    }
    String name = kind.eventName();
    return cached(interest, name, l -> l.matches(name));
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
    if (cached(startInterest, name, l -> l.wantsStartOf(name))) {
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
    hooks.clear();
    interest.clear();
    startInterest.clear();
  }
}
