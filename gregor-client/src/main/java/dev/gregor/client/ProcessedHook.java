package dev.gregor.client;

import org.jspecify.annotations.Nullable;

/**
 * Told of each message a handler finished, synchronously on the consumer's own thread and without building a
 * notification (franz-go's hooks), so metering a message costs nanoseconds. It must return at once and never block;
 * what it throws is logged and counted, never seen by the consumer. Registered with {@link Notifications#hook}.
 *
 * <pre>{@code
 * kafka.notifications().hook((group, topic, partition, offset, lag, nanos, failed) -> latency.record(nanos));
 * }</pre>
 */
@FunctionalInterface
public interface ProcessedHook {
  /**
   * One message's handler call ended.
   *
   * @param groupId the consumer or share group; null when reading without a group
   * @param topic the message's topic
   * @param partition its partition
   * @param offset its offset
   * @param offsetLag messages after it in the partition when it was read; -1 for a queue (a share group has no position)
   * @param nanos how long the handler took
   * @param failed whether the handler threw
   */
  void processed(@Nullable String groupId, String topic, int partition, long offset, long offsetLag, long nanos,
      boolean failed);
}
