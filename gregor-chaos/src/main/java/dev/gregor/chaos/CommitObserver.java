package dev.gregor.chaos;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Reports every offset commit a consumer makes to a {@link Recorder}, through kafka-clients'
 * interceptor hook, which runs after each successful commit. Install it on the client of a
 * member with {@link #install(String, String, Recorder)} and the {@link #PROPERTY} setting:
 *
 * <pre>{@code
 * Config.builder().clientId("member-1")
 *     .property(CommitObserver.PROPERTY, CommitObserver.class.getName())
 *     .build();
 * CommitObserver.install("member-1", "orders", history);
 * }</pre>
 */
public final class CommitObserver implements ConsumerInterceptor<Object, Object> {
  /** The kafka-clients setting that installs it ({@code interceptor.classes}). */
  public static final String PROPERTY = "interceptor.classes";

  private record Target(String topic, Recorder recorder) {}

  private static final Map<String, Target> TARGETS = new ConcurrentHashMap<>();

  private volatile String clientId;

  /** Sends commits of {@code topic} by the client whose {@code client.id} is {@code clientId} to {@code recorder}. */
  public static void install(String clientId, String topic, Recorder recorder) {
    TARGETS.put(Objects.requireNonNull(clientId, "clientId"),
        new Target(Objects.requireNonNull(topic, "topic"), Objects.requireNonNull(recorder, "recorder")));
  }

  /** Stops reporting the commits of {@code clientId}. */
  public static void uninstall(String clientId) {
    TARGETS.remove(clientId);
  }

  @Override
  public void configure(Map<String, ?> configs) {
    clientId = String.valueOf(configs.get("client.id"));
  }

  @Override
  public ConsumerRecords<Object, Object> onConsume(ConsumerRecords<Object, Object> records) {
    return records;
  }

  @Override
  public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
    Target target = TARGETS.get(clientId);
    if (target == null) {
      return;
    }
    offsets.forEach((partition, offset) -> {
      if (partition.topic().equals(target.topic())) {
        target.recorder().committed(clientId, partition.partition(), offset.offset());
      }
    });
  }

  @Override
  public void close() {}
}
