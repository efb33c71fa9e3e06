package dev.gregor.framework.internal;

import dev.gregor.client.Config;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks an app's settings and collects every problem, each naming its setting, so one build
 * reports them all. Kafka-level checks (hosts, properties, certificates) reuse the client's.
 */
public final class SettingsChecks {
  private static final Pattern LEGAL_NAME = Pattern.compile("[a-zA-Z0-9._-]+");
  private final List<String> errors;

  public SettingsChecks(List<String> errors) {
    this.errors = errors;
  }

  /** The app name, or null when missing or illegal. */
  public String name(String name) {
    if (name == null || name.isBlank()) {
      errors.add("name is required: setup(config -> config.name(\"my_application\"))");
      return null;
    }
    if (!LEGAL_NAME.matcher(name).matches()) {
      errors.add("name '" + name + "' may use only letters, digits, '.', '_' and '-': it names consumer groups and topics");
      return null;
    }
    return name;
  }

  public void hosts(List<String> hosts) {
    if (hosts.isEmpty()) {
      errors.add("kafkaHosts is required: at least one host:port, e.g. kafkaHosts(\"localhost:9092\")");
      return;
    }
    try {
      Config.builder().seedBrokers(hosts.toArray(String[]::new)).build();
    } catch (RuntimeException e) {
      errors.add("kafkaHosts " + hosts + ": " + e.getMessage());
    }
  }

  public void positive(String setting, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      errors.add(setting + " must be a positive duration, was " + value);
    }
  }

  public void atLeast(String setting, int value, int least) {
    if (value < least) {
      errors.add(setting + " must be at least " + least + ", was " + value);
    }
  }

  public void atLeast(String setting, Duration value, Duration least) {
    if (value == null || value.compareTo(least) < 0) {
      errors.add(setting + " must be at least " + least + ", was " + value);
    }
  }

  public void heartbeatBelowSession(Duration heartbeat, Duration session) {
    if (heartbeat != null && session != null && !heartbeat.isNegative() && !heartbeat.isZero() && !session.isNegative() && !session.isZero()
        && heartbeat.compareTo(session) >= 0) {
      errors.add("heartbeatInterval (" + heartbeat + ") must be shorter than sessionTimeout (" + session + ")");
    }
  }

  public void ssl(String caCert, String clientCert, String clientCertKey) {
    if ((clientCert == null) != (clientCertKey == null)) {
      errors.add(clientCert == null ? "sslClientCertKey is set without sslClientCert"
          : "sslClientCert is set without sslClientCertKey");
      return;
    }
    if (caCert == null && clientCert == null) {
      return;
    }
    try {
      Config.builder().seedBrokers("localhost:9093").ssl(ssl -> {
        if (caCert != null) {
          ssl.caCertificate(caCert);
        }
        if (clientCert != null) {
          ssl.clientCertificate(clientCert, clientCertKey);
        }
      }).build();
    } catch (RuntimeException e) {
      errors.add("ssl: " + e.getMessage());
    }
  }

  /** Each kafka-clients property on its own, so every misspelling is reported with its suggestion. */
  public void kafkaProperties(Map<String, Object> properties) {
    properties.forEach((name, value) -> {
      try {
        Config.builder().seedBrokers("localhost:9092").property(name, value).build();
      } catch (RuntimeException e) {
        errors.add("kafka(\"" + name + "\"): " + e.getMessage());
      }
    });
  }

  /** The client configuration the settings make together. */
  public void client(dev.gregor.framework.Settings settings) {
    try {
      ClientConfigs.client(settings);
    } catch (RuntimeException e) {
      errors.add("kafka: " + e.getMessage());
    }
  }

  /** A legal Kafka topic name, as the broker checks it. */
  public void topicName(String setting, String topic) {
    String problem = TopicNames.problem(topic);
    if (problem != null) {
      errors.add(setting + " '" + topic + "' " + problem);
    }
  }
}
