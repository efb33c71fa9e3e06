package dev.gregor.client;

/** One partition of one topic, as rebalance events and lag name them. */
public record TopicPartition(String topic, int partition) {

  @Override
  public String toString() {
    return topic + "/" + partition;
  }
}
