package dev.gregor.client;

import java.util.List;

/**
 * The messages one poll returned for one partition (ruby-kafka {@code each_batch}).
 *
 * @param highWatermark the partition's end when fetched
 */
public record Batch(String topic, int partition, List<Message> messages, long highWatermark) {

  /** The offset of the batch's first message. */
  public long firstOffset() {
    return messages.get(0).offset();
  }

  /** The offset of the batch's last message. */
  public long lastOffset() {
    return messages.get(messages.size() - 1).offset();
  }

  /** Messages after this batch that are already in the partition. */
  public long offsetLag() {
    return Math.max(0, highWatermark - lastOffset() - 1);
  }
}
