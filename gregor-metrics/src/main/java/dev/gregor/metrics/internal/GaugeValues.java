package dev.gregor.metrics.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/** Gauges whose value is the last one an event reported (buffer size, lag, pause duration). */
final class GaugeValues {
  private final MeterRegistry registry;
  private final Map<Key, Level> levels = new ConcurrentHashMap<>();

  GaugeValues(MeterRegistry registry) {
    this.registry = registry;
  }

  void set(String name, Tags tags, double value) {
    level(name, tags).value = value;
  }

  /** The gauge's holder, for a caller that sets it often; stale once {@link #removeIf} or {@link #removeAll} removed it. */
  Level level(String name, Tags tags) {
    return levels.computeIfAbsent(new Key(name, tags), key -> {
      Level level = new Level();
      level.gauge = Gauge.builder(name, level, l -> l.value).tags(tags).strongReference(true).register(registry);
      return level;
    });
  }

  /** Removes the gauges named {@code name} whose tags match, e.g. the lag of partitions no longer assigned. */
  void removeIf(String name, Predicate<Tags> stale) {
    for (Iterator<Map.Entry<Key, Level>> it = levels.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<Key, Level> entry = it.next();
      if (entry.getKey().name.equals(name) && stale.test(entry.getKey().tags)) {
        registry.remove(entry.getValue().gauge);
        it.remove();
      }
    }
  }

  void removeAll() {
    levels.values().forEach(level -> registry.remove(level.gauge));
    levels.clear();
  }

  private record Key(String name, Tags tags) { }

  static final class Level {
    volatile double value;
    Gauge gauge;
  }
}
