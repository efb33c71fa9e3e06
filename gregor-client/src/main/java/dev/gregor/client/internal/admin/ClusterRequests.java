package dev.gregor.client.internal.admin;

import dev.gregor.client.ClusterMetadata;
import dev.gregor.client.Features;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.FeatureMetadata;

/** Cluster-wide reads on kafka-clients' {@link Admin}, as unbounded futures that the caller bounds. */
public final class ClusterRequests {
  private final Admin admin;

  public ClusterRequests(Admin admin) {
    this.admin = admin;
  }

  public CompletableFuture<ClusterMetadata> describe() {
    DescribeClusterResult result = admin.describeCluster();
    CompletableFuture<String> id = AdminFutures.of(result.clusterId());
    CompletableFuture<Integer> controller = AdminFutures.of(result.controller()).thenApply(n -> n == null ? -1 : n.id());
    CompletableFuture<List<ClusterMetadata.Broker>> brokers = AdminFutures.of(result.nodes()).thenApply(nodes -> nodes.stream()
        .map(n -> new ClusterMetadata.Broker(n.id(), n.host(), n.port(), n.rack()))
        .sorted(Comparator.comparingInt(ClusterMetadata.Broker::id))
        .collect(Collectors.toList()));
    return id.thenCombine(controller, (i, c) -> Map.entry(i, c))
        .thenCombine(brokers, (ic, b) -> new ClusterMetadata(ic.getKey(), List.copyOf(b), ic.getValue()));
  }

  public CompletableFuture<Features> features() {
    return AdminFutures.of(admin.describeFeatures().featureMetadata()).thenApply(ClusterRequests::features);
  }

  private static Features features(FeatureMetadata metadata) {
    Map<String, Short> finalized = new TreeMap<>();
    metadata.finalizedFeatures().forEach((name, range) -> finalized.put(name, range.maxVersionLevel()));
    Map<String, Features.Range> supported = new TreeMap<>();
    metadata.supportedFeatures().forEach((name, range) -> supported.put(name, new Features.Range(range.minVersion(), range.maxVersion())));
    return new Features(Map.copyOf(finalized), Map.copyOf(supported));
  }
}
