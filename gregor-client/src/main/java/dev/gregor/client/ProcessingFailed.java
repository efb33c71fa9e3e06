package dev.gregor.client;

import org.jspecify.annotations.Nullable;

/**
 * A handler threw and reading stopped (ruby-kafka's {@code ProcessingError}): names the group,
 * topic, partition and offsets it failed on; the handler's own exception is the cause. The failed
 * message (or batch) was not marked processed, so the group's next reader starts at it.
 */
public final class ProcessingFailed extends GregorException {
  private static final long serialVersionUID = 1L;
  private final @Nullable String groupId;
  private final String topic;
  private final int partition;
  private final long firstOffset;
  private final long lastOffset;

  /** The handler failed on messages {@code firstOffset} to {@code lastOffset} of the partition. */
  public ProcessingFailed(@Nullable String groupId, String topic, int partition, long firstOffset, long lastOffset, String message,
      @Nullable Throwable cause) {
    super(message, cause);
    this.groupId = groupId;
    this.topic = topic;
    this.partition = partition;
    this.firstOffset = firstOffset;
    this.lastOffset = lastOffset;
  }

  /** The consumer group that read the message, or null for group-less reading. */
  public @Nullable String groupId() {
    return groupId;
  }

  /** The topic of the message that failed. */
  public String topic() {
    return topic;
  }

  /** The partition of the message that failed. */
  public int partition() {
    return partition;
  }

  /** The offset of the failed message, or the first offset of the failed batch. */
  public long offset() {
    return firstOffset;
  }

  /** The last offset of the failed batch; {@link #offset()} for a single message. */
  public long lastOffset() {
    return lastOffset;
  }
}
