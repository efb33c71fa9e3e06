package dev.gregor.client;

import dev.gregor.client.internal.admin.AdminFailure;
import dev.gregor.client.internal.admin.AdminFutures;
import dev.gregor.client.internal.admin.BrokerConfigRequests;
import dev.gregor.client.internal.admin.ClusterAdmin;
import dev.gregor.client.internal.admin.ClusterRequests;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The cluster as a whole: id, brokers, active controller, feature levels and broker configs.
 * Every call waits at most {@link Config#adminTimeout()}; each has an {@code …Async} twin.
 */
public final class Cluster {
  private final ClusterAdmin admin;
  private final Duration timeout;

  Cluster(ClusterAdmin admin, Duration timeout) {
    this.admin = admin;
    this.timeout = timeout;
  }

  /** The cluster's id, brokers and active controller in one request. */
  public ClusterMetadata describe() {
    return await(AdminFailure.onCluster("describe the cluster"), ClusterRequests::describe);
  }

  /** {@link #describe()} without blocking. */
  public CompletableFuture<ClusterMetadata> describeAsync() {
    return run(AdminFailure.onCluster("describe the cluster"), ClusterRequests::describe);
  }

  /** The cluster's id. */
  public String clusterId() {
    return describe().clusterId();
  }

  /** The brokers, sorted by id. */
  public List<ClusterMetadata.Broker> brokers() {
    return describe().brokers();
  }

  /** The id of the broker or controller node acting as controller for admin requests; -1 if unknown. */
  public int controller() {
    return describe().controller();
  }

  /** Finalized and supported feature levels, such as {@code metadata.version}. */
  public Features features() {
    return await(AdminFailure.onCluster("describe the cluster's features"), ClusterRequests::features);
  }

  /** {@link #features()} without blocking. */
  public CompletableFuture<Features> featuresAsync() {
    return run(AdminFailure.onCluster("describe the cluster's features"), ClusterRequests::features);
  }

  /**
   * Every config of broker {@code brokerId} by name, sorted: the value in effect, where it comes
   * from, and whether it is sensitive (then masked) or read-only. {@link UnknownBroker} naming the
   * cluster's broker ids if none has that id.
   *
   * <pre>{@code
   * String retention = kafka.cluster().brokerConfigs(1).get("log.retention.hours").value();
   * }</pre>
   */
  public Map<String, ConfigValue> brokerConfigs(int brokerId) {
    AdminFailure failure = AdminFailure.onCluster("describe the configs of broker " + brokerId);
    return AdminFutures.await(brokerConfigsAsync(brokerId), timeout, failure);
  }

  /** {@link #brokerConfigs}, as a future bounded by the admin timeout. */
  public CompletableFuture<Map<String, ConfigValue>> brokerConfigsAsync(int brokerId) {
    AdminFailure failure = AdminFailure.onCluster("describe the configs of broker " + brokerId);
    return AdminFutures.bounded(new BrokerConfigRequests(admin.kafkaAdmin()).configs(brokerId), timeout, failure);
  }

  private <T> CompletableFuture<T> run(AdminFailure failure, Function<ClusterRequests, CompletableFuture<T>> request) {
    return AdminFutures.bounded(request.apply(new ClusterRequests(admin.kafkaAdmin())), timeout, failure);
  }

  private <T> T await(AdminFailure failure, Function<ClusterRequests, CompletableFuture<T>> request) {
    return AdminFutures.await(run(failure, request), timeout, failure);
  }
}
