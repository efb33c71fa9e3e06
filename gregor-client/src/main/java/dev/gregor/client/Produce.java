package dev.gregor.client;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How to produce one message: key, partition or partition key, headers and create time.
 * Immutable; each method returns a new instance, so {@code Produce.key("k").header("a", "b")}.
 */
public final class Produce {
  private static final Produce NONE = new Produce(null, null, null, List.of(), null);

  private final byte @Nullable [] key;
  private final @Nullable Integer partition;
  private final @Nullable String partitionKey;
  private final List<Message.Header> headers;
  private final @Nullable Instant createTime;

  private Produce(byte @Nullable [] key, @Nullable Integer partition, @Nullable String partitionKey, List<Message.Header> headers,
      @Nullable Instant createTime) {
    this.key = key;
    this.partition = partition;
    this.partitionKey = partitionKey;
    this.headers = headers;
    this.createTime = createTime;
  }

  /** No options: no key, the default partitioner, no headers, the current time. */
  public static Produce options() {
    return NONE;
  }

  /** A message key (UTF-8), stored with the message and used for partitioning unless a partition key is set. */
  public static Produce key(@Nullable String key) {
    return NONE.withKey(key);
  }

  /** These options with the UTF-8 key {@code key}. */
  public Produce withKey(@Nullable String key) {
    return withKey(key == null ? null : key.getBytes(StandardCharsets.UTF_8));
  }

  /** These options with the raw key {@code key}. */
  public Produce withKey(byte @Nullable [] key) {
    return new Produce(key, partition, partitionKey, headers, createTime);
  }

  /** Writes to exactly this partition (ruby-kafka {@code partition:}). */
  public static Produce partition(int partition) {
    return NONE.withPartition(partition);
  }

  /** These options sending to partition {@code partition}. */
  public Produce withPartition(int partition) {
    if (partition < 0) {
      throw new IllegalArgumentException("partition must be >= 0, was " + partition);
    }
    return new Produce(key, partition, partitionKey, headers, createTime);
  }

  /** Chooses the partition from this value instead of the key, which is not stored (ruby-kafka {@code partition_key:}). */
  public static Produce partitionKey(String partitionKey) {
    return NONE.withPartitionKey(partitionKey);
  }

  /** These options choosing the partition by {@code partitionKey} instead of the key. */
  public Produce withPartitionKey(String partitionKey) {
    return new Produce(key, partition, Objects.requireNonNull(partitionKey, "partitionKey"), headers, createTime);
  }

  /**
   * Adds a header (UTF-8 value) after those already added. Kafka headers are an ordered list in
   * which a name may repeat, so a second header with the same name is sent too, after the first.
   */
  public Produce header(String name, @Nullable String value) {
    return header(name, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
  }

  /** Adds a header with a binary value (null for none) after those already added; names may repeat. */
  public Produce header(String name, byte @Nullable [] value) {
    List<Message.Header> copy = new ArrayList<>(headers.size() + 1);
    copy.addAll(headers);
    copy.add(new Message.Header(Objects.requireNonNull(name, "header name"), value));
    return new Produce(key, partition, partitionKey, Collections.unmodifiableList(copy), createTime);
  }

  /** The message's create time instead of now. */
  public Produce createTime(Instant createTime) {
    return new Produce(key, partition, partitionKey, headers, Objects.requireNonNull(createTime, "createTime"));
  }

  /** A message key (UTF-8), stored with the message and used for partitioning unless a partition key is set. */
  public byte @Nullable [] key() {
    return key;
  }

  /** Writes to exactly this partition (ruby-kafka {@code partition:}). */
  public @Nullable Integer partition() {
    return partition;
  }

  /** Chooses the partition from this value instead of the key, which is not stored (ruby-kafka {@code partition_key:}). */
  public @Nullable String partitionKey() {
    return partitionKey;
  }

  /** The headers in the order they were added, repeated names included. */
  public List<Message.Header> headers() {
    return headers;
  }

  /** The message's create time instead of now. */
  public @Nullable Instant createTime() {
    return createTime;
  }

  @Override
  public String toString() {
    return "Produce{" + (key == null ? "" : "key=" + new String(key, StandardCharsets.UTF_8) + ", ")
        + (partition == null ? "" : "partition=" + partition + ", ")
        + (partitionKey == null ? "" : "partitionKey=" + partitionKey + ", ")
        + "headers=" + headers.stream().map(Message.Header::name).toList() + (createTime == null ? "" : ", createTime=" + createTime) + "}";
  }
}
