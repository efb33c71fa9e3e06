package dev.gregor.client;

import java.util.List;

/** The cluster's id, brokers and controller (KafkaEx {@code metadata}). */
public record ClusterMetadata(String clusterId, List<Broker> brokers, int controller) {

  /** One broker: its id and address, and its rack if it has one. */
  public record Broker(int id, String host, int port, String rack) {}
}
