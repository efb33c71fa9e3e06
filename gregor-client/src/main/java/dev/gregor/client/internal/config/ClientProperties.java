package dev.gregor.client.internal.config;

import dev.gregor.client.Config;
import dev.gregor.client.internal.metrics.ClientMetricsRegistry;
import dev.gregor.client.internal.security.SecurityProperties;
import java.util.HashMap;
import java.util.Map;

/** The kafka-clients properties every client Gregor creates shares: seeds, client id, security, overrides, metrics reporter. */
public final class ClientProperties {
  private ClientProperties() {}

  public static Map<String, Object> common(Config config) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("bootstrap.servers", String.join(",", config.seedBrokers()));
    properties.put("client.id", config.clientId());
    SecurityProperties.apply(config, properties);
    properties.put("socket.connection.setup.timeout.ms", Long.toString(Math.min(config.connectTimeout().toMillis(), 10_000L)));
    properties.putAll(config.properties());
    ClientMetricsRegistry.of(config).addTo(properties);
    return properties;
  }

  /**
   * The client's one admin client, which also makes the connect check: a call waits at most the
   * longer of the connect and admin timeouts, and a request at most the socket timeout within it.
   */
  public static Map<String, Object> admin(Config config) {
    Map<String, Object> properties = new HashMap<>(common(config));
    long timeout = Math.max(config.connectTimeout().toMillis(), config.adminTimeout().toMillis());
    properties.put("default.api.timeout.ms", Long.toString(timeout));
    properties.put("request.timeout.ms", Long.toString(Math.min(timeout, config.socketTimeout().toMillis())));
    return properties;
  }

  /**
   * A producer for one synchronous delivery at a time: no linger (kafka-clients 4.x waits 5 ms
   * by default, paid on every call here), acks=all with idempotence, and bounded blocking.
   */
  public static Map<String, Object> singleDeliveryProducer(Config config) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("acks", "all");
    properties.put("enable.idempotence", true);
    properties.put("linger.ms", 0);
    properties.put("max.block.ms", Long.toString(config.connectTimeout().toMillis()));
    long delivery = config.deliveryTimeout().toMillis();
    properties.put("delivery.timeout.ms", Long.toString(delivery));
    properties.put("request.timeout.ms", Long.toString(Math.min(delivery, config.socketTimeout().toMillis())));
    properties.putAll(common(config));
    return properties;
  }
}
