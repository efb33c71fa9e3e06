package dev.gregor.metrics.internal;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.NamingConvention;
import io.micrometer.core.instrument.util.HierarchicalNameMapper;
import java.util.Set;

/**
 * Plain StatsD has no tags, so each tag becomes two name segments, {@code key.value}:
 * {@code gregor.producer.ack.messages.client.billing.topic.orders}. Dots and StatsD's
 * delimiters inside keys and values become {@code _}, so a topic {@code a.b} stays one segment.
 * Micrometer's {@code statistic} tag is left out where it only says "value" or "count".
 */
public final class FlatNames implements HierarchicalNameMapper {
  private static final Set<String> PLAIN_STATISTICS = Set.of("value", "count");

  @Override
  public String toHierarchicalName(Meter.Id id, NamingConvention convention) {
    StringBuilder name = new StringBuilder(id.getConventionName(convention));
    for (Tag tag : id.getConventionTags(convention)) {
      if (tag.getKey().equals("statistic") && PLAIN_STATISTICS.contains(tag.getValue())) {
        continue;
      }
      name.append('.').append(segment(tag.getKey())).append('.').append(segment(tag.getValue()));
    }
    return name.toString();
  }

  private static String segment(String text) {
    return text.replaceAll("[.:|@#,\\s]", "_");
  }
}
