package dev.gregor.client.internal.admin;

import dev.gregor.client.ClusterMetadata;
import dev.gregor.client.Config;
import dev.gregor.client.GregorException;
import dev.gregor.client.TopicMetadata;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * The one kafka-clients admin client a {@link dev.gregor.client.Gregor} shares, the one that made
 * its connect check, open until the client closes: offsets and metadata here (bounded by the
 * connect timeout), and the admin operations of {@code Topics}, {@code Groups} and
 * {@code Cluster} (bounded by the admin timeout).
 */
public final class ClusterAdmin implements AutoCloseable {
  private final Config config;
  private final Admin admin;
  private boolean closed;

  /** Shares {@code connected}, the admin client that made the connect check, instead of starting another. */
  public ClusterAdmin(Config config, Admin connected) {
    this.config = config;
    this.admin = connected;
  }

  /** The offset {@code spec} names in one partition; -1 when no message matches a timestamp. */
  public long offset(String topic, int partition, OffsetSpec spec, String what) {
    TopicPartition tp = new TopicPartition(topic, partition);
    return call(what + " of topic '" + topic + "' partition " + partition, topic,
        () -> admin().listOffsets(Map.of(tp, spec)).partitionResult(tp)).offset();
  }

  public long offsetForTime(String topic, int partition, Instant time) {
    return offset(topic, partition, OffsetSpec.forTimestamp(time.toEpochMilli()), "the offset at " + time);
  }

  public TopicMetadata topic(String topic) {
    return topics(List.of(topic)).get(topic);
  }

  /** Every topic's metadata from one request, in the order given; the first missing topic fails, named. */
  public Map<String, TopicMetadata> topics(List<String> topics) {
    Map<String, KafkaFuture<TopicDescription>> described = admin().describeTopics(topics).topicNameValues();
    Map<String, TopicMetadata> metadata = new LinkedHashMap<>();
    for (String topic : topics) {
      TopicDescription description = call("the metadata of topic '" + topic + "'", topic, () -> described.get(topic));
      metadata.put(topic, new TopicMetadata(topic, description.partitions().stream()
          .map(p -> new TopicMetadata.Partition(p.partition(), p.leader() == null || p.leader().isEmpty() ? -1
              : p.leader().id(), ids(p.replicas()), ids(p.isr())))
          .collect(Collectors.toList())));
    }
    return metadata;
  }

  public ClusterMetadata cluster() {
    DescribeClusterResult result = admin().describeCluster();
    String clusterId = call("the cluster id", null, result::clusterId);
    Node controller = call("the controller", null, result::controller);
    List<ClusterMetadata.Broker> brokers = call("the brokers", null, result::nodes).stream()
        .map(n -> new ClusterMetadata.Broker(n.id(), n.host(), n.port(), n.rack()))
        .sorted((a, b) -> Integer.compare(a.id(), b.id()))
        .collect(Collectors.toList());
    return new ClusterMetadata(clusterId, brokers, controller == null ? -1 : controller.id());
  }

  private static List<Integer> ids(List<Node> nodes) {
    return nodes.stream().map(Node::id).collect(Collectors.toList());
  }

  private <T> T call(String what, String topic, Supplier<KafkaFuture<T>> request) {
    long timeout = config.connectTimeout().toMillis();
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeout);
    try {
      return request.get().get(timeout, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException && topic != null) {
        throw UnknownNames.topic(topic, "read " + what, UnknownNames.topicNamesBefore(admin(), deadline), e.getCause());
      }
      throw new GregorException("Could not read " + what + ": " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new GregorException("Could not read " + what + " within " + timeout + " ms", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GregorException("Interrupted while reading " + what, e);
    }
  }

  /** The shared admin client; {@link IllegalStateException} once closed. */
  public synchronized Admin kafkaAdmin() {
    if (closed) {
      throw new IllegalStateException("the Gregor client for " + String.join(",", config.seedBrokers()) + " is closed");
    }
    return admin;
  }

  private Admin admin() {
    return kafkaAdmin();
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      admin.close(config.connectTimeout());
    }
  }
}
