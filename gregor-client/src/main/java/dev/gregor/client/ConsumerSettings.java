package dev.gregor.client;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a group {@link GroupConsumer}, with ruby-kafka's names and defaults ("Consumer
 * Checkpointing", "Balancing Throughput and Latency"). Session and heartbeat settings apply to
 * the classic protocol; with {@link GroupProtocol#CONSUMER} the broker's group configs rule.
 * ruby-kafka's {@code offset_retention_time} has no counterpart: since Kafka 2.1 (KIP-211) a
 * commit carries no retention, and the broker keeps a group's offsets until it has been empty
 * for {@code offsets.retention.minutes}.
 */
public final class ConsumerSettings {
  private final Duration offsetCommitInterval;
  private final int offsetCommitThreshold;
  private final boolean automaticallyMarkAsProcessed;
  private final Duration sessionTimeout;
  private final Duration heartbeatInterval;
  private final Duration rebalanceTimeout;
  private final Duration maxWaitTime;
  private final int minBytes;
  private final int maxBytesPerPartition;
  private final GroupProtocol groupProtocol;
  private final ErrorPolicy errorPolicy;
  private final boolean partitionEof;
  private final boolean stopOnShutdown;
  private final Duration shutdownTimeout;
  private final boolean readCommitted;

  private ConsumerSettings(Builder b) {
    this.offsetCommitInterval = b.offsetCommitInterval;
    this.offsetCommitThreshold = b.offsetCommitThreshold;
    this.automaticallyMarkAsProcessed = b.automaticallyMarkAsProcessed;
    this.sessionTimeout = b.sessionTimeout;
    this.heartbeatInterval = b.heartbeatInterval;
    this.rebalanceTimeout = b.rebalanceTimeout;
    this.maxWaitTime = b.maxWaitTime;
    this.minBytes = b.minBytes;
    this.maxBytesPerPartition = b.maxBytesPerPartition;
    this.groupProtocol = b.groupProtocol;
    this.errorPolicy = b.errorPolicy;
    this.partitionEof = b.partitionEof;
    this.stopOnShutdown = b.stopOnShutdown;
    this.shutdownTimeout = b.shutdownTimeout;
    this.readCommitted = b.readCommitted;
  }

  /** Starts configuring a group consumer; {@link Builder#build()} checks every setting. */
  public static Builder builder() {
    return new Builder();
  }

  /** Commit processed offsets this often (default 10 s); zero turns the timer off. */
  public Duration offsetCommitInterval() {
    return offsetCommitInterval;
  }

  /** Commit after this many messages were processed (default 0: off). */
  public int offsetCommitThreshold() {
    return offsetCommitThreshold;
  }

  /** Mark each message processed when its handler returns (default true). */
  public boolean automaticallyMarkAsProcessed() {
    return automaticallyMarkAsProcessed;
  }

  /** How long the group waits for a silent member before rebalancing its partitions (default 30 s). */
  public Duration sessionTimeout() {
    return sessionTimeout;
  }

  /** How often the member tells the group it is alive (default 3 s). */
  public Duration heartbeatInterval() {
    return heartbeatInterval;
  }

  /** The longest a handler may keep the poll loop away; longer and the member leaves the group (default 5 min). */
  public Duration rebalanceTimeout() {
    return rebalanceTimeout;
  }

  /** The longest the broker holds a fetch waiting for {@link #minBytes()} (default 1 s, as ruby-kafka's max_wait_time). */
  public Duration maxWaitTime() {
    return maxWaitTime;
  }

  /** The fewest bytes a fetch waits for, up to {@link #maxWaitTime()} (default 1). */
  public int minBytes() {
    return minBytes;
  }

  /** The most data one fetch returns for one partition (default 1 MiB). */
  public int maxBytesPerPartition() {
    return maxBytesPerPartition;
  }

  /** The rebalance protocol: classic or KIP-848's consumer protocol (default classic). */
  public GroupProtocol groupProtocol() {
    return groupProtocol;
  }

  /** What happens when a handler throws (default {@link ErrorPolicy#stop()}). */
  public ErrorPolicy errorPolicy() {
    return errorPolicy;
  }

  /** Whether {@link GroupConsumer#poll} reports {@link Event.PartitionEof} (default false). */
  public boolean partitionEof() {
    return partitionEof;
  }

  /** Whether JVM shutdown (SIGTERM) stops the consumer gracefully: commit, then leave the group (default true). */
  public boolean stopOnShutdown() {
    return stopOnShutdown;
  }

  /** How long JVM shutdown waits for that graceful stop (default 30 s). */
  public Duration shutdownTimeout() {
    return shutdownTimeout;
  }

  /**
   * Whether only committed transactional messages are read ({@code isolation.level=read_committed}),
   * as a consume-transform-produce pipeline needs; default false (Kafka's read_uncommitted), unless
   * the client's {@code Config} sets {@code isolation.level} itself.
   */
  public boolean readCommitted() {
    return readCommitted;
  }

  /** Collects consumer settings; {@link #build()} checks them. */
  public static final class Builder {
    private Duration offsetCommitInterval = Duration.ofSeconds(10);
    private int offsetCommitThreshold;
    private boolean automaticallyMarkAsProcessed = true;
    private Duration sessionTimeout = Duration.ofSeconds(30);
    private Duration heartbeatInterval = Duration.ofSeconds(3);
    private Duration rebalanceTimeout = Duration.ofMinutes(5);
    private Duration maxWaitTime = Duration.ofSeconds(1);
    private int minBytes = 1;
    private int maxBytesPerPartition = 1024 * 1024;
    private GroupProtocol groupProtocol = GroupProtocol.CLASSIC;
    private ErrorPolicy errorPolicy = ErrorPolicy.stop();
    private boolean partitionEof;
    private boolean stopOnShutdown = true;
    private Duration shutdownTimeout = Duration.ofSeconds(30);
    private boolean readCommitted;

    private Builder() {}

    /** Commit processed offsets this often (default 10 s); zero turns the timer off. */
    public Builder offsetCommitInterval(Duration interval) {
      this.offsetCommitInterval = interval;
      return this;
    }

    /** Commit after this many messages were processed (default 0: off). */
    public Builder offsetCommitThreshold(int messages) {
      this.offsetCommitThreshold = messages;
      return this;
    }

    /** Mark each message processed when its handler returns (default true). */
    public Builder automaticallyMarkAsProcessed(boolean automatically) {
      this.automaticallyMarkAsProcessed = automatically;
      return this;
    }

    /** How long the group waits for a silent member before rebalancing its partitions (default 30 s). */
    public Builder sessionTimeout(Duration timeout) {
      this.sessionTimeout = timeout;
      return this;
    }

    /** How often the member tells the group it is alive (default 3 s). */
    public Builder heartbeatInterval(Duration interval) {
      this.heartbeatInterval = interval;
      return this;
    }

    /** The longest a handler may keep the poll loop away; longer and the member leaves the group (default 5 min). */
    public Builder rebalanceTimeout(Duration timeout) {
      this.rebalanceTimeout = timeout;
      return this;
    }

    /** The longest the broker holds a fetch waiting for {@link #minBytes()} (default 1 s, as ruby-kafka's max_wait_time). */
    public Builder maxWaitTime(Duration maxWait) {
      this.maxWaitTime = maxWait;
      return this;
    }

    /** The fewest bytes a fetch waits for, up to {@link #maxWaitTime()} (default 1). */
    public Builder minBytes(int minBytes) {
      this.minBytes = minBytes;
      return this;
    }

    /** The most data one fetch returns for one partition (default 1 MiB). */
    public Builder maxBytesPerPartition(int bytes) {
      this.maxBytesPerPartition = bytes;
      return this;
    }

    /** The rebalance protocol: classic or KIP-848's consumer protocol (default classic). */
    public Builder groupProtocol(GroupProtocol protocol) {
      this.groupProtocol = Objects.requireNonNull(protocol, "groupProtocol");
      return this;
    }

    /** What happens when a handler throws (default {@link ErrorPolicy#stop()}). */
    public Builder errorPolicy(ErrorPolicy policy) {
      this.errorPolicy = Objects.requireNonNull(policy, "errorPolicy");
      return this;
    }

    /** Whether {@link GroupConsumer#poll} reports {@link Event.PartitionEof} (default false). */
    public Builder partitionEof(boolean report) {
      this.partitionEof = report;
      return this;
    }

    /** Whether JVM shutdown (SIGTERM) stops the consumer gracefully: commit, then leave the group (default true). */
    public Builder stopOnShutdown(boolean stop) {
      this.stopOnShutdown = stop;
      return this;
    }

    /** How long JVM shutdown waits for that graceful stop (default 30 s). */
    public Builder shutdownTimeout(Duration timeout) {
      this.shutdownTimeout = timeout;
      return this;
    }

    /** Read only committed transactional messages: never those of aborted transactions. */
    public Builder readCommitted(boolean committedOnly) {
      this.readCommitted = committedOnly;
      return this;
    }

    /** The settings, or an {@link IllegalArgumentException} naming the first bad one. */
    public ConsumerSettings build() {
      notNegative("offsetCommitInterval", offsetCommitInterval);
      notNegative("maxWaitTime", maxWaitTime);
      positive("sessionTimeout", sessionTimeout);
      positive("heartbeatInterval", heartbeatInterval);
      positive("rebalanceTimeout", rebalanceTimeout);
      positive("shutdownTimeout", shutdownTimeout);
      if (offsetCommitThreshold < 0) {
        throw new IllegalArgumentException("offsetCommitThreshold must be zero (off) or positive, was " + offsetCommitThreshold);
      }
      if (minBytes < 1) {
        throw new IllegalArgumentException("minBytes must be at least 1, was " + minBytes);
      }
      if (maxBytesPerPartition < 1) {
        throw new IllegalArgumentException("maxBytesPerPartition must be at least 1, was " + maxBytesPerPartition);
      }
      if (heartbeatInterval.compareTo(sessionTimeout) >= 0) {
        throw new IllegalArgumentException("heartbeatInterval (" + heartbeatInterval
            + ") must be shorter than sessionTimeout (" + sessionTimeout + "); a third of it is usual");
      }
      return new ConsumerSettings(this);
    }

    private static void notNegative(String name, Duration value) {
      if (value == null || value.isNegative()) {
        throw new IllegalArgumentException(name + " must be zero (off) or positive, was " + value);
      }
    }

    private static void positive(String name, Duration value) {
      if (value == null || value.toMillis() < 1) {
        throw new IllegalArgumentException(name + " must be positive, was " + value);
      }
    }
  }
}
