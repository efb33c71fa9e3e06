package dev.gregor.client;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** Settings of an {@link AsyncProducer}: when to deliver automatically, its queue, and its buffer's settings. */
public final class AsyncProducerSettings {
  private final int deliveryThreshold;
  private final Duration deliveryInterval;
  private final int maxQueueSize;
  private final Duration redeliveryBackoff;
  private final @Nullable BlockingQueue<DeliveryReport> deliveryReports;
  private final ProducerSettings producer;

  private AsyncProducerSettings(Builder b, ProducerSettings producer) {
    this.deliveryThreshold = b.deliveryThreshold;
    this.deliveryInterval = b.deliveryInterval;
    this.maxQueueSize = b.maxQueueSize;
    this.redeliveryBackoff = b.redeliveryBackoff;
    this.deliveryReports = b.deliveryReports;
    this.producer = producer;
  }

  /** Starts configuring an async producer; {@link Builder#build()} checks the settings. */
  public static Builder builder() {
    return new Builder();
  }

  /** Deliver once this many messages are buffered; 0 (the default) turns it off. */
  public int deliveryThreshold() {
    return deliveryThreshold;
  }

  /** Deliver at this interval; {@link Duration#ZERO} (the default) turns it off. */
  public Duration deliveryInterval() {
    return deliveryInterval;
  }

  /** Most messages waiting to reach the background thread; one more throws {@link BufferOverflow} (default 1,000). */
  public int maxQueueSize() {
    return maxQueueSize;
  }

  /**
   * The first wait before a failed background delivery is tried again; doubles up to 30 s (or
   * this wait, when longer), each wait shortened by up to a fifth at random.
   */
  public Duration redeliveryBackoff() {
    return redeliveryBackoff;
  }

  /** Where final outcomes are sent, or null. */
  public @Nullable BlockingQueue<DeliveryReport> deliveryReports() {
    return deliveryReports;
  }

  /** Settings of the buffer behind the queue: acks, compression, buffer limits, partitioner. */
  public ProducerSettings producer() {
    return producer;
  }

  /** Collects settings; {@link #build()} checks them. */
  public static final class Builder {
    private int deliveryThreshold;
    private Duration deliveryInterval = Duration.ZERO;
    private int maxQueueSize = 1_000;
    private Duration redeliveryBackoff = Duration.ofSeconds(1);
    private @Nullable BlockingQueue<DeliveryReport> deliveryReports;
    private final ProducerSettings.Builder producer = ProducerSettings.builder();

    private Builder() {}

    /** Deliver once this many messages are buffered; 0 (the default) turns it off. */
    public Builder deliveryThreshold(int messages) {
      this.deliveryThreshold = messages;
      return this;
    }

    /** Deliver at this interval; {@link Duration#ZERO} (the default) turns it off. */
    public Builder deliveryInterval(Duration interval) {
      this.deliveryInterval = interval;
      return this;
    }

    /** Most messages waiting to reach the background thread; one more throws {@link BufferOverflow} (default 1,000). */
    public Builder maxQueueSize(int messages) {
      this.maxQueueSize = messages;
      return this;
    }

    /**
     * The first wait before a failed background delivery is tried again; doubles up to 30 s (or
     * this wait, when longer), each wait shortened by up to a fifth at random.
     */
    public Builder redeliveryBackoff(Duration backoff) {
      this.redeliveryBackoff = backoff;
      return this;
    }

    /** Sends each message's final outcome to this queue (offered; a full queue drops the report with a warning). */
    public Builder deliveryReports(BlockingQueue<DeliveryReport> queue) {
      this.deliveryReports = Objects.requireNonNull(queue, "deliveryReports");
      return this;
    }

    /** Settings of the buffer behind the queue: acks, compression, buffer limits, partitioner. */
    public Builder producer(Consumer<ProducerSettings.Builder> configure) {
      configure.accept(producer);
      return this;
    }

    /** The settings, or an {@link IllegalArgumentException} naming the first bad one. */
    public AsyncProducerSettings build() {
      if (deliveryThreshold < 0) {
        throw new IllegalArgumentException("deliveryThreshold must be 0 (off) or positive, was " + deliveryThreshold);
      }
      if (deliveryInterval == null || deliveryInterval.isNegative()) {
        throw new IllegalArgumentException("deliveryInterval must be zero (off) or positive, was " + deliveryInterval);
      }
      if (maxQueueSize < 1) {
        throw new IllegalArgumentException("maxQueueSize must be at least 1, was " + maxQueueSize);
      }
      if (redeliveryBackoff == null || redeliveryBackoff.isNegative() || redeliveryBackoff.isZero()) {
        throw new IllegalArgumentException("redeliveryBackoff must be positive, was " + redeliveryBackoff);
      }
      return new AsyncProducerSettings(this, producer.build());
    }
  }
}
