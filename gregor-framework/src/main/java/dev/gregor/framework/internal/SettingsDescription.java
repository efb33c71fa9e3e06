package dev.gregor.framework.internal;

import dev.gregor.client.Sasl;
import dev.gregor.framework.Settings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The effective settings under the seed's names, every secret masked, in a stable order. */
public final class SettingsDescription {
  private static final String MASK = "******";
  /** kafka-clients properties whose values are secrets. */
  private static final Set<String> SECRET_WORDS = Set.of("password", "secret", "jaas", "token", "key");

  private SettingsDescription() {}

  public static Map<String, String> of(Settings s) {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("environment", s.environment());
    d.put("name", s.name());
    d.put("client_id", s.clientId());
    d.put("topic_mapper", String.valueOf(s.topicMapper()));
    d.put("inline_mode", String.valueOf(s.inlineMode()));
    d.put("batch_mode", String.valueOf(s.batchMode()));
    d.put("start_from_beginning", String.valueOf(s.startFromBeginning()));
    d.put("monitor", String.valueOf(s.monitor()));
    d.put("logger", s.logger().getName());
    d.put("kafka.hosts", String.join(",", s.kafkaHosts()));
    d.put("kafka.session_timeout", String.valueOf(s.sessionTimeout()));
    d.put("kafka.offset_commit_interval", String.valueOf(s.offsetCommitInterval()));
    d.put("kafka.offset_commit_threshold", String.valueOf(s.offsetCommitThreshold()));
    d.put("kafka.heartbeat_interval", String.valueOf(s.heartbeatInterval()));
    d.put("kafka.connect_timeout", String.valueOf(s.connectTimeout()));
    d.put("kafka.ssl.ca_cert", s.sslCaCert() == null ? "none" : "set (" + s.sslCaCert().length() + " characters)");
    d.put("kafka.ssl.client_cert", s.sslClientCert() == null ? "none" : "set");
    d.put("kafka.ssl.client_cert_key", s.sslClientCertKey() == null ? "none" : MASK);
    Sasl sasl = s.sasl();
    d.put("kafka.sasl", sasl == null ? "none" : sasl.mechanism().kafkaName()
        + (sasl.username() == null ? "" : " user=" + sasl.username() + " password=" + MASK));
    s.kafka().forEach((name, value) -> d.put(SettingKeys.KAFKA_CLIENT + name, secret(name) ? MASK : String.valueOf(value)));
    d.put("connection_pool.size", String.valueOf(s.producerPoolSize()));
    d.put("connection_pool.timeout", String.valueOf(s.producerPoolTimeout()));
    d.put("concurrency", String.valueOf(s.concurrency()));
    d.put("shutdown_timeout", String.valueOf(s.shutdownTimeout()));
    d.put("stall_timeout", String.valueOf(s.stallTimeout()));
    d.put("default_queue", s.defaultQueue());
    d.put("reporting", String.valueOf(s.reporting()));
    d.put("reports_topic", s.reportsTopic());
    d.put("commands_topic", s.commandsTopic());
    d.put("report_interval", String.valueOf(s.reportInterval()));
    return d;
  }

  private static boolean secret(String property) {
    String lower = property.toLowerCase();
    return SECRET_WORDS.stream().anyMatch(lower::contains) && !lower.endsWith(".type") && !lower.endsWith(".algorithm");
  }
}
