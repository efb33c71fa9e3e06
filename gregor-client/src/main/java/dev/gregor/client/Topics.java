package dev.gregor.client;

import dev.gregor.client.internal.admin.AdminFailure;
import dev.gregor.client.internal.admin.AdminFutures;
import dev.gregor.client.internal.admin.ClusterAdmin;
import dev.gregor.client.internal.admin.TopicRequests;
import dev.gregor.client.internal.admin.UnknownNames;
import dev.gregor.client.internal.admin.WatermarkRequests;
import dev.gregor.client.internal.names.TopicNames;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Topic management (ruby-kafka "Topic management", KafkaEx {@code create_topic}/{@code delete_topic}).
 * Every call waits at most {@link Config#adminTimeout()}; each has an {@code …Async} twin that
 * returns a {@link CompletableFuture} bounded the same way.
 *
 * <pre>{@code
 * kafka.topics().create("orders", t -> t.partitions(6).replicationFactor(3).config("retention.ms", "86400000"));
 * kafka.topics().alterConfigs("orders", ConfigChanges.set("retention.ms", "3600000"));
 * }</pre>
 */
public final class Topics {
  private final ClusterAdmin admin;
  private final Duration timeout;

  Topics(ClusterAdmin admin, Duration timeout) {
    this.admin = admin;
    this.timeout = timeout;
  }

  /** The names of all topics except Kafka's internal ones, sorted. */
  public List<String> list() {
    return await(AdminFailure.onCluster("list topics"), r -> r.list(false));
  }

  /** {@link #list(boolean)}, as a future bounded by the admin timeout. */
  public CompletableFuture<List<String>> listAsync() {
    return run(AdminFailure.onCluster("list topics"), r -> r.list(false));
  }

  /**
   * The names of all topics, sorted; with {@code includeInternal} also Kafka's internal ones
   * ({@code __consumer_offsets}, {@code __transaction_state}, …).
   */
  public List<String> list(boolean includeInternal) {
    return await(AdminFailure.onCluster("list topics"), r -> r.list(includeInternal));
  }

  /** {@link #list(boolean)}, as a future bounded by the admin timeout. */
  public CompletableFuture<List<String>> listAsync(boolean includeInternal) {
    return run(AdminFailure.onCluster("list topics"), r -> r.list(includeInternal));
  }

  /** Creates a topic with the broker's default partitions and replication factor; {@link TopicExists} if it exists. */
  public void create(String topic) {
    create(topic, t -> { });
  }

  /** Creates a topic and returns once every partition has a leader (at once when only validating). */
  public void create(String topic, Consumer<NewTopic.Builder> configure) {
    await(AdminFailure.onTopic("create topic", topic), createRequest(topic, configure));
  }

  /** {@link #create(String, Consumer)} without blocking. */
  public CompletableFuture<Void> createAsync(String topic, Consumer<NewTopic.Builder> configure) {
    return run(AdminFailure.onTopic("create topic", topic), createRequest(topic, configure));
  }

  /** Partitions (leader, replicas, in-sync replicas) and configs; {@link UnknownTopic} if it does not exist. */
  public TopicDescription describe(String topic) {
    return await(AdminFailure.onTopic("describe topic", checked(topic)), r -> r.describe(topic));
  }

  /** {@link #describe(String)} without blocking. */
  public CompletableFuture<TopicDescription> describeAsync(String topic) {
    return run(AdminFailure.onTopic("describe topic", checked(topic)), r -> r.describe(topic));
  }

  /** Raises the topic's partition count to {@code totalPartitions} (ruby-kafka {@code create_partitions_for}); never lowers it. */
  public void createPartitions(String topic, int totalPartitions) {
    await(AdminFailure.onTopic("add partitions to topic", checked(topic)), r -> r.createPartitions(topic, totalPartitions));
  }

  /** {@link #createPartitions(String, int)} without blocking. */
  public CompletableFuture<Void> createPartitionsAsync(String topic, int totalPartitions) {
    return run(AdminFailure.onTopic("add partitions to topic", checked(topic)), r -> r.createPartitions(topic, totalPartitions));
  }

  /** Changes only the named configs of the topic (incremental alter); the others keep their values. */
  public void alterConfigs(String topic, ConfigChanges changes) {
    await(AdminFailure.onTopic("alter the configs of topic", checked(topic)),
        r -> r.alterConfigs(topic, Objects.requireNonNull(changes, "changes")));
  }

  /** {@link #alterConfigs(String, ConfigChanges)} without blocking. */
  public CompletableFuture<Void> alterConfigsAsync(String topic, ConfigChanges changes) {
    return run(AdminFailure.onTopic("alter the configs of topic", checked(topic)),
        r -> r.alterConfigs(topic, Objects.requireNonNull(changes, "changes")));
  }

  /** Deletes the topic and its messages; {@link UnknownTopic} if it does not exist. */
  public void delete(String topic) {
    await(AdminFailure.onTopic("delete topic", checked(topic)), r -> r.delete(topic));
  }

  /** {@link #delete(String)} without blocking. */
  public CompletableFuture<Void> deleteAsync(String topic) {
    return run(AdminFailure.onTopic("delete topic", checked(topic)), r -> r.delete(topic));
  }

  /**
   * The earliest and latest offset of every partition of {@code topics}, ordered by topic then
   * partition, in three requests however many partitions there are; {@link UnknownTopic} names a
   * topic that does not exist.
   */
  public Map<TopicPartition, Watermarks> watermarks(Collection<String> topics) {
    return AdminFutures.await(watermarksAsync(topics), timeout, AdminFailure.onCluster("read the offsets of topics"));
  }

  /** {@link #watermarks(Collection)} without blocking. */
  public CompletableFuture<Map<TopicPartition, Watermarks>> watermarksAsync(Collection<String> topics) {
    List<String> names = List.copyOf(new LinkedHashSet<>(Objects.requireNonNull(topics, "topics")));
    names.forEach(Topics::checked);
    return bounded(AdminFailure.onCluster("read the offsets of topics " + names),
        () -> new WatermarkRequests(admin.kafkaAdmin()).of(names));
  }

  private Function<TopicRequests, CompletableFuture<Void>> createRequest(String topic, Consumer<NewTopic.Builder> configure) {
    checked(topic);
    NewTopic.Builder builder = NewTopic.builder();
    configure.accept(builder);
    NewTopic settings = builder.build();
    return r -> r.create(topic, settings, timeout);
  }

  private static String checked(String topic) {
    TopicNames.check(topic);
    return topic;
  }

  private <T> CompletableFuture<T> run(AdminFailure failure, Function<TopicRequests, CompletableFuture<T>> request) {
    return bounded(failure, () -> request.apply(new TopicRequests(admin.kafkaAdmin())));
  }

  private <T> CompletableFuture<T> bounded(AdminFailure failure, Supplier<CompletableFuture<T>> request) {
    long deadline = System.nanoTime() + timeout.toNanos();
    return UnknownNames.suggesting(AdminFutures.bounded(request.get(), timeout, failure), admin.kafkaAdmin(), deadline, failure);
  }

  private <T> T await(AdminFailure failure, Function<TopicRequests, CompletableFuture<T>> request) {
    return AdminFutures.await(run(failure, request), timeout, failure);
  }
}
