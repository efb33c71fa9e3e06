package dev.gregor.client;

import java.util.Objects;

/**
 * One config of a broker, from {@link Cluster#brokerConfigs}: its value and where that value
 * comes from. Sensitive values (passwords, keys) are never sent by the broker: their value is null.
 *
 * @param name the config's name, such as {@code log.retention.hours}
 * @param value the value in effect; null when sensitive or unset
 * @param source where the value comes from
 * @param isDefault whether it is Kafka's built-in default (nobody set it)
 * @param sensitive whether the value is secret, and so masked
 * @param readOnly whether it can only be changed in the broker's config file and a restart
 */
public record ConfigValue(String name, String value, Source source, boolean isDefault, boolean sensitive, boolean readOnly) {

  /** Where a config's value comes from, most specific first. */
  public enum Source {
    /** Set at runtime for this one broker ({@code kafka-configs --entity-name N}). */
    DYNAMIC_BROKER,
    /** Set at runtime for every broker of the cluster ({@code --entity-default}). */
    DYNAMIC_CLUSTER_DEFAULT,
    /** Set in the broker's {@code server.properties}. */
    STATIC_BROKER,
    /** Kafka's built-in default. */
    DEFAULT,
    /** Any other source the broker reports (logger or topic configs, or one this version does not know). */
    OTHER
  }

  /** Checks the name and source are given. */
  public ConfigValue {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
  }

  /** Masks sensitive values, so that logging a config never prints a secret. */
  @Override
  public String toString() {
    return name + "=" + (sensitive ? "(sensitive)" : value) + " (" + source + (readOnly ? ", read-only" : "") + ")";
  }
}
