package dev.gregor.client;

/** Kafka 4's two consumer-group rebalance protocols. */
public enum GroupProtocol {
  /** The classic protocol: the group leader assigns partitions; every broker version supports it. */
  CLASSIC("classic"),
  /** KIP-848's protocol: the broker assigns, incrementally, with no stop-the-world rebalances. */
  CONSUMER("consumer");

  private final String kafkaValue;

  GroupProtocol(String kafkaValue) {
    this.kafkaValue = kafkaValue;
  }

  /** The value of kafka-clients' {@code group.protocol}. */
  public String kafkaValue() {
    return kafkaValue;
  }
}
