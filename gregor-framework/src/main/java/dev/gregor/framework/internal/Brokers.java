package dev.gregor.framework.internal;

import dev.gregor.client.ClusterMetadata;
import dev.gregor.client.Gregor;
import java.util.stream.Collectors;

/** The brokers a client discovered, as one line: {@code 1@host:9092, 2@host:9093 (controller 1)}. */
public final class Brokers {
  private Brokers() {}

  public static String describe(Gregor client) {
    ClusterMetadata cluster = client.clusterMetadata();
    return cluster.brokers().stream().map(b -> b.id() + "@" + b.host() + ":" + b.port())
        .collect(Collectors.joining(", ")) + " (controller " + cluster.controller() + ", cluster " + cluster.clusterId() + ")";
  }
}
