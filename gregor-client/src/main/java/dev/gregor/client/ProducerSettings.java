package dev.gregor.client;

import java.time.Duration;
import java.util.Objects;

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
  private final Integer maxRetries;
  private final Duration retryBackoff;
  private final boolean idempotent;
  private final Partitioner partitioner;
  private final Duration deliveryTimeout;

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

  public static Builder builder() {
    return new Builder();
  }

  public Acks acks() {
    return acks;
  }

  public Compression compression() {
    return compression;
  }

  /** Compress only where at least this many messages go to one partition in one delivery (ruby-kafka {@code compression_threshold}). */
  public int compressionThreshold() {
    return compressionThreshold;
  }

  public int maxBufferSize() {
    return maxBufferSize;
  }

  public long maxBufferBytesize() {
    return maxBufferBytesize;
  }

  /** Explicit retries, or null for the safe default: unlimited within the delivery timeout when idempotent, none otherwise. */
  public Integer maxRetries() {
    return maxRetries;
  }

  public Duration retryBackoff() {
    return retryBackoff;
  }

  public boolean idempotent() {
    return idempotent;
  }

  public Partitioner partitioner() {
    return partitioner;
  }

  /** The bound on one delivery, retries included; null means the client's {@link Config#deliveryTimeout()}. */
  public Duration deliveryTimeout() {
    return deliveryTimeout;
  }

  /** Collects producer settings; {@link #build()} checks them. */
  public static final class Builder {
    private Acks acks = Acks.ALL;
    private Compression compression = Compression.NONE;
    private int compressionThreshold = 1;
    private int maxBufferSize = 1_000;
    private long maxBufferBytesize = 10_000_000;
    private Integer maxRetries;
    private Duration retryBackoff = Duration.ofMillis(100);
    private Boolean idempotent;
    private Partitioner partitioner = Partitioner.murmur2();
    private Duration deliveryTimeout;

    private Builder() {}

    public Builder acks(Acks acks) {
      this.acks = Objects.requireNonNull(acks, "acks");
      return this;
    }

    public Builder compression(Compression compression) {
      this.compression = Objects.requireNonNull(compression, "compression");
      return this;
    }

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

    public Builder partitioner(Partitioner partitioner) {
      this.partitioner = Objects.requireNonNull(partitioner, "partitioner");
      return this;
    }

    public Builder deliveryTimeout(Duration timeout) {
      this.deliveryTimeout = timeout;
      return this;
    }

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
