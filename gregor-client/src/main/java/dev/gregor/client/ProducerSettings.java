package dev.gregor.client;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Settings of a {@link Producer} or {@link AsyncProducer}, with ruby-kafka's names and defaults
 * (1,000 messages / 10 MB of buffer, acks all). Built through {@code kafka.producer(p -> p...)}.
 */
public final class ProducerSettings {
  private final Acks acks;
  private final Compression compression;
  private final int compressionThreshold;
  private final int maxBufferSize;
  private final long maxBufferBytesize;
  private final @Nullable Integer maxRetries;
  private final Duration retryBackoff;
  private final @Nullable boolean idempotent;
  private final Partitioner partitioner;
  private final @Nullable Duration deliveryTimeout;

  private ProducerSettings(Builder b) {
    this.acks = b.acks;
    this.compression = b.compression;
    this.compressionThreshold = b.compressionThreshold;
    this.maxBufferSize = b.maxBufferSize;
    this.maxBufferBytesize = b.maxBufferBytesize;
    this.maxRetries = b.maxRetries;
    this.retryBackoff = b.retryBackoff;
    this.idempotent = b.idempotent != null ? b.idempotent : b.acks == Acks.ALL;
    this.partitioner = b.partitioner;
    this.deliveryTimeout = b.deliveryTimeout;
  }

  /** Starts configuring a producer; {@link Builder#build()} checks every setting. */
  public static Builder builder() {
    return new Builder();
  }

  /** How many replicas must have a message before it counts as delivered (default all). */
  public Acks acks() {
    return acks;
  }

  /** How batches are compressed (default none). */
  public Compression compression() {
    return compression;
  }

  /** Compress only where at least this many messages go to one partition in one delivery (ruby-kafka {@code compression_threshold}). */
  public int compressionThreshold() {
    return compressionThreshold;
  }

  /** Most messages the buffer holds; one more throws {@link BufferOverflow} (default 1,000). */
  public int maxBufferSize() {
    return maxBufferSize;
  }

  /** Most bytes (keys and values) the buffer holds (default 10,000,000). */
  public long maxBufferBytesize() {
    return maxBufferBytesize;
  }

  /** Explicit retries, or null for the safe default: unlimited within the delivery timeout when idempotent, none otherwise. */
  public @Nullable Integer maxRetries() {
    return maxRetries;
  }

  /** The first wait before a retry; later waits grow exponentially up to ten times this. */
  public Duration retryBackoff() {
    return retryBackoff;
  }

  /** Idempotent writes (no duplicates from retries); on by default with {@link Acks#ALL}, which it needs. */
  public boolean idempotent() {
    return idempotent;
  }

  /** How keyed messages choose a partition (default murmur2, as kafka-clients). */
  public Partitioner partitioner() {
    return partitioner;
  }

  /** The bound on one delivery, retries included; null means the client's {@link Config#deliveryTimeout()}. */
  public @Nullable Duration deliveryTimeout() {
    return deliveryTimeout;
  }

  /** Collects producer settings; {@link #build()} checks them. */
  public static final class Builder {
    private Acks acks = Acks.ALL;
    private Compression compression = Compression.NONE;
    private int compressionThreshold = 1;
    private int maxBufferSize = 1_000;
    private long maxBufferBytesize = 10_000_000;
    private @Nullable Integer maxRetries;
    private Duration retryBackoff = Duration.ofMillis(100);
    private @Nullable Boolean idempotent;
    private Partitioner partitioner = Partitioner.murmur2();
    private @Nullable Duration deliveryTimeout;

    private Builder() {}

    /** How many replicas must have a message before it counts as delivered (default all). */
    public Builder acks(Acks acks) {
      this.acks = Objects.requireNonNull(acks, "acks");
      return this;
    }

    /** How batches are compressed (default none). */
    public Builder compression(Compression compression) {
      this.compression = Objects.requireNonNull(compression, "compression");
      return this;
    }

    /** Compress only where at least this many messages go to one partition in one delivery (ruby-kafka {@code compression_threshold}). */
    public Builder compressionThreshold(int messages) {
      this.compressionThreshold = messages;
      return this;
    }

    /** Most messages the buffer holds; one more throws {@link BufferOverflow} (default 1,000). */
    public Builder maxBufferSize(int messages) {
      this.maxBufferSize = messages;
      return this;
    }

    /** Most bytes (keys and values) the buffer holds (default 10,000,000). */
    public Builder maxBufferBytesize(long bytes) {
      this.maxBufferBytesize = bytes;
      return this;
    }

    /** Retries of a failed send; without idempotence each retry may write a duplicate. */
    public Builder maxRetries(int retries) {
      this.maxRetries = retries;
      return this;
    }

    /** The first wait before a retry; later waits grow exponentially up to ten times this. */
    public Builder retryBackoff(Duration backoff) {
      this.retryBackoff = backoff;
      return this;
    }

    /** Idempotent writes (no duplicates from retries); on by default with {@link Acks#ALL}, which it needs. */
    public Builder idempotent(boolean idempotent) {
      this.idempotent = idempotent;
      return this;
    }

    /** How keyed messages choose a partition (default murmur2, as kafka-clients). */
    public Builder partitioner(Partitioner partitioner) {
      this.partitioner = Objects.requireNonNull(partitioner, "partitioner");
      return this;
    }

    /** The bound on one delivery, retries included; null means the client's {@link Config#deliveryTimeout()}. */
    public Builder deliveryTimeout(Duration timeout) {
      this.deliveryTimeout = timeout;
      return this;
    }

    /** The settings, or an {@link IllegalArgumentException} naming the first bad one. */
    public ProducerSettings build() {
      requireAtLeast("maxBufferSize", maxBufferSize, 1);
      requireAtLeast("maxBufferBytesize", maxBufferBytesize, 1);
      requireAtLeast("compressionThreshold", compressionThreshold, 1);
      if (maxRetries != null) {
        requireAtLeast("maxRetries", maxRetries, 0);
      }
      if (retryBackoff == null || retryBackoff.isNegative()) {
        throw new IllegalArgumentException("retryBackoff must be zero or positive, was " + retryBackoff);
      }
      if (deliveryTimeout != null && (deliveryTimeout.isNegative() || deliveryTimeout.isZero())) {
        throw new IllegalArgumentException("deliveryTimeout must be positive, was " + deliveryTimeout);
      }
      if (Boolean.TRUE.equals(idempotent) && acks != Acks.ALL) {
        throw new IllegalArgumentException("idempotent(true) needs acks(Acks.ALL), but acks is " + acks);
      }
      return new ProducerSettings(this);
    }

    private static void requireAtLeast(String name, long value, long min) {
      if (value < min) {
        throw new IllegalArgumentException(name + " must be at least " + min + ", was " + value);
      }
    }
  }
}
