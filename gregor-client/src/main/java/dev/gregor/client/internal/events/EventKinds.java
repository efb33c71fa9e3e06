package dev.gregor.client.internal.events;

import dev.gregor.client.ClientEvent;
import dev.gregor.client.EventKind;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The event kinds known by name, so a {@link dev.gregor.client.Notification}, which carries only
 * its name, can tell its category. The client's kinds are known from the start; another module's
 * kinds become known when first sent on a bus. Kinds are few and fixed, so this never grows unbounded.
 */
public final class EventKinds {
  private static final Map<String, EventKind> BY_NAME = new ConcurrentHashMap<>();

  static {
    for (ClientEvent kind : ClientEvent.values()) {
      BY_NAME.put(kind.eventName(), kind);
    }
  }

  private EventKinds() {}

  static void register(EventKind kind) {
    BY_NAME.putIfAbsent(kind.eventName(), kind);
  }

  /** The category of the event named {@code name} (a {@code start_} name counts as its span's), or {@code other}. */
  public static String category(String name) {
    EventKind kind = BY_NAME.get(name);
    if (kind == null && name.startsWith("start_")) {
      kind = BY_NAME.get(name.substring("start_".length()));
    }
    return kind == null ? "other" : kind.category();
  }
}
