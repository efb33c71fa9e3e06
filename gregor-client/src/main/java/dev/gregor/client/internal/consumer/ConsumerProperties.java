package dev.gregor.client.internal.consumer;

import dev.gregor.client.Config;
import dev.gregor.client.ConsumerSettings;
import dev.gregor.client.GroupProtocol;
import dev.gregor.client.internal.config.ClientProperties;
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

  /** Where Kafka moves a member's position that is out of range: "earliest" only when every subscription starts there. */
  static String offsetReset(Boolean start) {
    return Boolean.FALSE.equals(start) || start == null ? "latest" : "earliest";
  }

  /** Properties of a group member: Gregor commits, never kafka-clients; fetch and group timing from the settings. */
  static Map<String, Object> group(Config config, String groupId, ConsumerSettings settings, Boolean start) {
    Map<String, Object> p = ConsumerProperties.groupless(config);
    p.put("group.id", groupId);
    p.put("group.protocol", settings.groupProtocol().kafkaValue());
    // Mixed starts are set per partition by Rebalances; "latest" then only covers what it does not.
    p.put("auto.offset.reset", offsetReset(start));
    p.put("fetch.min.bytes", Integer.toString(settings.minBytes()));
    p.put("fetch.max.wait.ms", Long.toString(settings.maxWaitTime().toMillis()));
    p.put("max.partition.fetch.bytes", Integer.toString(settings.maxBytesPerPartition()));
    p.put("max.poll.interval.ms", Long.toString(settings.rebalanceTimeout().toMillis()));
    if (settings.readCommitted()) {
      p.put("isolation.level", "read_committed");
    }
    if (settings.groupProtocol() == GroupProtocol.CLASSIC) {
      p.put("session.timeout.ms", Long.toString(settings.sessionTimeout().toMillis()));
      p.put("heartbeat.interval.ms", Long.toString(settings.heartbeatInterval().toMillis()));
    }
    return p;
  }
}
