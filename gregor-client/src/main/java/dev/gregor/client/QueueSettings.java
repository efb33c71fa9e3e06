package dev.gregor.client;

/** Settings of a {@link QueueConsumer}: where a new queue starts and how often a failing message is retried. */
public final class QueueSettings {
  private final boolean startFromBeginning;
  private final int maxDeliveries;

  private QueueSettings(Builder b) {
    this.startFromBeginning = b.startFromBeginning;
    this.maxDeliveries = b.maxDeliveries;
  }

  /** Starts configuring a queue consumer; {@link Builder#build()} checks the settings. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether a new share group starts at the earliest message rather than the latest (default false, as Kafka). */
  public boolean startFromBeginning() {
    return startFromBeginning;
  }

  /** Deliveries after which a failing message is rejected instead of released (default 5, Kafka's limit). */
  public int maxDeliveries() {
    return maxDeliveries;
  }

  /** Collects queue settings; {@link #build()} checks them. */
  public static final class Builder {
    private boolean startFromBeginning;
    private int maxDeliveries = 5;

    private Builder() {}

    /** Whether a new share group starts at the earliest message rather than the latest (default false, as Kafka). */
    public Builder startFromBeginning(boolean fromBeginning) {
      this.startFromBeginning = fromBeginning;
      return this;
    }

    /** Deliveries after which a failing message is rejected instead of released (default 5, Kafka's limit). */
    public Builder maxDeliveries(int deliveries) {
      this.maxDeliveries = deliveries;
      return this;
    }

    /** The settings, or an {@link IllegalArgumentException} naming the bad one. */
    public QueueSettings build() {
      if (maxDeliveries < 1) {
        throw new IllegalArgumentException("maxDeliveries must be at least 1, was " + maxDeliveries);
      }
      return new QueueSettings(this);
    }
  }
}
