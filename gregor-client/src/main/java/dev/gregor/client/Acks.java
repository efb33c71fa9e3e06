package dev.gregor.client;

/** How many replicas must have a message before Kafka acknowledges it (ruby-kafka "Message Durability"). */
public enum Acks {
  /** Every in-sync replica: no acknowledged message is lost while one replica survives. The default. */
  ALL("all"),
  /** Only the partition leader: a leader crash can lose acknowledged messages. */
  LEADER("1"),
  /** No acknowledgement at all: fastest, and messages can be lost silently. */
  NONE("0");

  private final String kafkaValue;

  Acks(String kafkaValue) {
    this.kafkaValue = kafkaValue;
  }

  /** The value of kafka-clients' {@code acks} setting. */
  public String kafkaValue() {
    return kafkaValue;
  }
}
