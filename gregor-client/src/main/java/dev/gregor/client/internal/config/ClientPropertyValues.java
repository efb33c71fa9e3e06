package dev.gregor.client.internal.config;

import java.util.List;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Checks a kafka-clients property's value with kafka-clients' own rules, at {@code build()}: a
 * value the producer, consumer or admin client would refuse otherwise fails only when that client
 * is first created — for a producer, at the first delivery.
 */
final class ClientPropertyValues {
  /** Every client Gregor creates gets every property, so a value must satisfy each client that defines the name. */
  private static final List<ConfigDef> DEFINITIONS =
      List.of(ProducerConfig.configDef(), ConsumerConfig.configDef(), AdminClientConfig.configDef());

  /** Properties Gregor rewrites before any client sees them: metric.reporters is trimmed, emptied of blanks and extended. */
  private static final java.util.Set<String> REWRITTEN = java.util.Set.of("metric.reporters");

  private ClientPropertyValues() {}

  /** Throws {@link IllegalArgumentException} naming the property, the value and what is allowed. */
  static void check(String name, Object value) {
    if (REWRITTEN.contains(name)) {
      return;
    }
    for (ConfigDef definition : DEFINITIONS) {
      ConfigDef.ConfigKey key = definition.configKeys().get(name);
      if (key == null) {
        continue;
      }
      if (value == null) {
        if (key.defaultValue == ConfigDef.NO_DEFAULT_VALUE || key.defaultValue != null) {
          throw new IllegalArgumentException("kafka-clients property '" + name + "' must have a value; remove it "
              + "to get the default");
        }
        continue;
      }
      Object parsed;
      try {
        parsed = ConfigDef.parseType(name, value, key.type);
      } catch (ConfigException e) {
        String rule = key.validator == null ? "" : "; allowed: " + key.validator;
        throw refused(key, value, reason(key, e) + rule, e);
      }
      try {
        if (key.validator != null) {
          key.validator.ensureValid(name, parsed);
        }
      } catch (ConfigException e) {
        throw refused(key, value, reason(key, e), e); // a validator's message names what it allows
      }
    }
  }

  private static IllegalArgumentException refused(ConfigDef.ConfigKey key, Object value, String why, ConfigException cause) {
    String shown = key.type == ConfigDef.Type.PASSWORD ? "[hidden]" : String.valueOf(value);
    return new IllegalArgumentException("kafka-clients property '" + key.name + "' cannot be '" + shown + "': " + why, cause);
  }

  /** kafka-clients' reason without its "Invalid value x for configuration y: " prefix, which the message already says. */
  private static String reason(ConfigDef.ConfigKey key, ConfigException refusal) {
    String message = String.valueOf(refusal.getMessage());
    int name = message.indexOf(key.name);
    int colon = name < 0 ? -1 : message.indexOf(": ", name);
    return colon < 0 ? message : message.substring(colon + 2);
  }
}
