package dev.gregor.client;

import java.time.Duration;
import java.util.Objects;

/** Settings of a group {@link Consumer}, with ruby-kafka's names and defaults ("Consumer Checkpointing"). */
public final class ConsumerSettings {
  private final Duration offsetCommitInterval;
  private final int offsetCommitThreshold;
  private final boolean automaticallyMarkAsProcessed;
  private final Duration sessionTimeout;
  private final Duration maxWaitTime;
  private final int minBytes;
  private final GroupProtocol groupProtocol;

  private ConsumerSettings(Builder b) {
    this.offsetCommitInterval = b.offsetCommitInterval;
    this.offsetCommitThreshold = b.offsetCommitThreshold;
    this.automaticallyMarkAsProcessed = b.automaticallyMarkAsProcessed;
    this.sessionTimeout = b.sessionTimeout;
    this.maxWaitTime = b.maxWaitTime;
    this.minBytes = b.minBytes;
    this.groupProtocol = b.groupProtocol;
  }

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

  public Duration sessionTimeout() {
    return sessionTimeout;
  }

  /** The longest the broker holds a fetch waiting for {@link #minBytes()} (default 1 s, as ruby-kafka's max_wait_time). */
  public Duration maxWaitTime() {
    return maxWaitTime;
  }

  public int minBytes() {
    return minBytes;
  }

  public GroupProtocol groupProtocol() {
    return groupProtocol;
  }

  /** Collects consumer settings; {@link #build()} checks them. */
  public static final class Builder {
    private Duration offsetCommitInterval = Duration.ofSeconds(10);
    private int offsetCommitThreshold;
    private boolean automaticallyMarkAsProcessed = true;
    private Duration sessionTimeout = Duration.ofSeconds(30);
    private Duration maxWaitTime = Duration.ofSeconds(1);
    private int minBytes = 1;
    private GroupProtocol groupProtocol = GroupProtocol.CLASSIC;

    private Builder() {}

    public Builder offsetCommitInterval(Duration interval) {
      this.offsetCommitInterval = interval;
      return this;
    }

    public Builder offsetCommitThreshold(int messages) {
      this.offsetCommitThreshold = messages;
      return this;
    }

    public Builder automaticallyMarkAsProcessed(boolean automatically) {
      this.automaticallyMarkAsProcessed = automatically;
      return this;
    }

    public Builder sessionTimeout(Duration timeout) {
      this.sessionTimeout = timeout;
      return this;
    }

    public Builder maxWaitTime(Duration maxWait) {
      this.maxWaitTime = maxWait;
      return this;
    }

    public Builder minBytes(int minBytes) {
      this.minBytes = minBytes;
      return this;
    }

    public Builder groupProtocol(GroupProtocol protocol) {
      this.groupProtocol = Objects.requireNonNull(protocol, "groupProtocol");
      return this;
    }

    public ConsumerSettings build() {
      if (offsetCommitInterval == null || offsetCommitInterval.isNegative()) {
        throw new IllegalArgumentException("offsetCommitInterval must be zero (off) or positive, was " + offsetCommitInterval);
      }
      if (offsetCommitThreshold < 0) {
        throw new IllegalArgumentException("offsetCommitThreshold must be zero (off) or positive, was " + offsetCommitThreshold);
      }
      if (sessionTimeout == null || sessionTimeout.toMillis() < 1) {
        throw new IllegalArgumentException("sessionTimeout must be positive, was " + sessionTimeout);
      }
      if (maxWaitTime == null || maxWaitTime.isNegative()) {
        throw new IllegalArgumentException("maxWaitTime must be zero or positive, was " + maxWaitTime);
      }
      if (minBytes < 1) {
        throw new IllegalArgumentException("minBytes must be at least 1, was " + minBytes);
      }
      return new ConsumerSettings(this);
    }
  }
}
