package dev.gregor.metrics.internal;

import dev.gregor.client.ClientEvent;
import dev.gregor.client.EventKeys;
import dev.gregor.client.Notification;
import dev.gregor.client.NotificationListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Meters for the events other modules send on a client's bus (the framework's {@code perform.framework}, …),
 * without knowing them: a timed event's end is a timer {@code gregor.<category>.<name>} tagged {@code result},
 * a one-off event a counter of the same name; tags are the low-cardinality payload keys present.
 */
public final class ModuleEventMeters implements NotificationListener {
  /** Every event that is not the client's own, and not a span's start (its end carries the duration). */
  public static final Pattern EVENTS = Pattern.compile("(?!(" + Arrays.stream(ClientEvent.values())
      .map(kind -> Pattern.quote(kind.eventName())).collect(Collectors.joining("|")) + ")$)(?!start_).+");
  private static final String[] TAG_KEYS = {EventKeys.GROUP_ID, EventKeys.TOPIC, "origin", "queue"};

  private final MeterRegistry registry;
  private final Tags common;
  private final Map<String, Meter> meters = new ConcurrentHashMap<>();

  public ModuleEventMeters(MeterRegistry registry, Tags common) {
    this.registry = registry;
    this.common = common;
  }

  @Override
  public void on(Notification n) {
    String base = n.name().contains(".") ? n.name().substring(0, n.name().indexOf('.')) : n.name();
    String name = "gregor." + n.category() + "." + base;
    Tags tags = common.and("client", String.valueOf(n.get(EventKeys.CLIENT_ID)));
    for (String key : TAG_KEYS) {
      Object value = n.get(key);
      if (value != null) {
        tags = tags.and(key, value.toString());
      }
    }
    if (n.phase() == Notification.Phase.EVENT) {
      Tags counted = tags;
      ((Counter) meters.computeIfAbsent(name + counted, k -> Counter.builder(name).tags(counted).register(registry)))
          .increment();
    } else {
      Tags timed = tags.and("result", n.phase() == Notification.Phase.EXCEPTION ? "error" : "ok");
      ((Timer) meters.computeIfAbsent(name + timed, k -> Timer.builder(name).tags(timed).register(registry)))
          .record(n.duration());
    }
  }

  /** Removes every meter this listener registered. */
  public void removeMeters() {
    meters.values().forEach(registry::remove);
    meters.clear();
  }
}
