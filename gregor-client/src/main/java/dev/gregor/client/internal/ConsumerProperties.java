package dev.gregor.client.internal;

import dev.gregor.client.Config;
import java.util.HashMap;
import java.util.Map;

/** kafka-clients consumer properties for Gregor's group-less readers: no group, no auto-commit, bounded calls. */
final class ConsumerProperties {
  private ConsumerProperties() {}

  static Map<String, Object> groupless(Config config) {
    Map<String, Object> p = new HashMap<>();
    p.put("enable.auto.commit", "false");
    p.put("auto.offset.reset", "none"); // every position is set explicitly
    p.put("allow.auto.create.topics", "false"); // reading must never create a topic
    p.put("default.api.timeout.ms", Long.toString(config.connectTimeout().toMillis()));
    p.put("request.timeout.ms", Long.toString(Math.max(config.connectTimeout().toMillis(), 1_000)));
    p.putAll(ClientProperties.common(config));
    p.remove("group.id");
    return p;
  }
}
