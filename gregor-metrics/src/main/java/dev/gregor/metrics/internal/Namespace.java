package dev.gregor.metrics.internal;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.regex.Pattern;

/**
 * ruby-kafka's reporter namespace: it replaces the {@code gregor} of event meters
 * ({@code gregor.producer.…} becomes {@code myapp.producer.…}) and prefixes every other name
 * ({@code kafka.producer.…} becomes {@code myapp.kafka.producer.…}).
 */
public final class Namespace implements MeterFilter {
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");
  private static final String GREGOR = "gregor.";
  private final String namespace;

  public Namespace(String namespace) {
    this.namespace = namespace;
  }

  /** A namespace must not break StatsD's line format ({@code name:value|type}). */
  public static void check(String namespace) {
    if (namespace == null || !VALID.matcher(namespace).matches() || namespace.endsWith(".")) {
      throw new IllegalArgumentException("namespace must be letters, digits, '_', '-' or '.', such as 'gregor' or "
          + "'billing.kafka', was '" + namespace + "'");
    }
  }

  @Override
  public Meter.Id map(Meter.Id id) {
    String name = id.getName();
    return id.withName(namespace + "." + (name.startsWith(GREGOR) ? name.substring(GREGOR.length()) : name));
  }
}
