package dev.gregor.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How {@link Topics#create} creates a topic: partitions, replication factor, topic configs, and
 * whether only to validate. Unset counts take the broker's {@code num.partitions} and
 * {@code default.replication.factor}.
 */
public final class NewTopic {
  private final @Nullable Integer partitions;
  private final @Nullable Short replicationFactor;
  private final Map<String, String> configs;
  private final boolean validateOnly;

  private NewTopic(Builder b) {
    this.partitions = b.partitions;
    this.replicationFactor = b.replicationFactor == null ? null : b.replicationFactor.shortValue();
    this.configs = Collections.unmodifiableMap(new LinkedHashMap<>(b.configs));
    this.validateOnly = b.validateOnly;
  }

  /** Starts describing a topic to create. */
  public static Builder builder() {
    return new Builder();
  }

  /** The partition count, or null for the broker's default. */
  public @Nullable Integer partitions() {
    return partitions;
  }

  /** The replication factor, or null for the broker's default. */
  public @Nullable Short replicationFactor() {
    return replicationFactor;
  }

  /** Topic-level configs such as {@code retention.ms}. */
  public Map<String, String> configs() {
    return configs;
  }

  /** Whether the broker only checks the request and creates nothing. */
  public boolean validateOnly() {
    return validateOnly;
  }

  /** Collects settings; {@link #build()} checks them. */
  public static final class Builder {
    private @Nullable Integer partitions;
    private @Nullable Integer replicationFactor;
    private final Map<String, String> configs = new LinkedHashMap<>();
    private boolean validateOnly;

    private Builder() {}

    /** The partition count (default: the broker's {@code num.partitions}). */
    public Builder partitions(int partitions) {
      this.partitions = partitions;
      return this;
    }

    /** The replication factor (default: the broker's {@code default.replication.factor}). */
    public Builder replicationFactor(int replicationFactor) {
      this.replicationFactor = replicationFactor;
      return this;
    }

    /** One topic config, such as {@code config("retention.ms", "86400000")}. */
    public Builder config(String name, String value) {
      configs.put(Objects.requireNonNull(name, "config name"), Objects.requireNonNull(value, "value of config " + name));
      return this;
    }

    /** Topic-level configs such as {@code retention.ms}. */
    public Builder configs(Map<String, String> configs) {
      configs.forEach(this::config);
      return this;
    }

    /** Asks the broker to check the request (names, counts, configs, policy) without creating the topic. */
    public Builder validateOnly(boolean validateOnly) {
      this.validateOnly = validateOnly;
      return this;
    }

    /** The topic description, or an {@link IllegalArgumentException} naming the bad setting. */
    public NewTopic build() {
      if (partitions != null && partitions < 1) {
        throw new IllegalArgumentException("partitions must be 1 or more, was " + partitions);
      }
      if (replicationFactor != null && (replicationFactor < 1 || replicationFactor > Short.MAX_VALUE)) {
        throw new IllegalArgumentException("replicationFactor must be 1 or more, was " + replicationFactor);
      }
      return new NewTopic(this);
    }
  }
}
