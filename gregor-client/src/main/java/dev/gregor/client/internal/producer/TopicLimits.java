package dev.gregor.client.internal.producer;

import dev.gregor.client.Config;
import dev.gregor.client.internal.admin.ClusterAdmin;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * What producers learn from the cluster before sending to a topic: whether it exists, and its
 * {@code max.message.bytes}. kafka-clients learns neither in time: it waits its whole
 * {@code max.block.ms} for a missing topic, and it splits a batch the broker rejected as too
 * large by its own {@code batch.size}, which never ends when that is above the topic's limit.
 * Existing topics (and refusals to describe them) are remembered for a minute; a lookup that
 * fails leaves a topic unknown, and its messages go to kafka-clients unchecked.
 */
public final class TopicLimits {
  /** A topic as the cluster described it; {@code maxMessageBytes} is -1 when it could not be read, {@code refused} when that was not allowed. */
  public record Topic(String name, Existence existence, int maxMessageBytes, boolean refused) {
    Topic(String name, Existence existence, int maxMessageBytes) {
      this(name, existence, maxMessageBytes, false);
    }

    boolean knownLimit() {
      return existence == Existence.EXISTS && maxMessageBytes > 0;
    }
  }

  /** Whether a topic exists; MISSING_NOT_CREATED when the broker will not create it on first use either. */
  public enum Existence { EXISTS, MISSING, MISSING_NOT_CREATED, UNKNOWN }

  private static final long REMEMBER_NANOS = TimeUnit.MINUTES.toNanos(1);

  private record Remembered(Topic topic, long at) {}

  private final ClusterAdmin admin;
  private final Config config;
  private final Map<String, Remembered> known = new ConcurrentHashMap<>();
  private volatile Boolean autoCreate;

  public TopicLimits(ClusterAdmin admin, Config config) {
    this.admin = admin;
    this.config = config;
  }

  /** Describes {@code topics} in one request (remembered ones from memory), waiting at most the connect timeout. */
  public Map<String, Topic> describe(Collection<String> topics) {
    return describe(topics, Long.MAX_VALUE);
  }

  /** The same, but waiting no later than {@code notAfterNanos} (a {@link System#nanoTime()}) either. */
  public Map<String, Topic> describe(Collection<String> topics, long notAfterNanos) {
    Map<String, Topic> result = new HashMap<>();
    List<ConfigResource> wanted = new ArrayList<>();
    long now = System.nanoTime();
    for (String name : topics) {
      Remembered remembered = known.get(name);
      if (remembered != null && now - remembered.at() < REMEMBER_NANOS) {
        result.put(name, remembered.topic());
      } else {
        wanted.add(new ConfigResource(ConfigResource.Type.TOPIC, name));
      }
    }
    if (wanted.isEmpty()) {
      return result;
    }
    Map<ConfigResource, KafkaFuture<org.apache.kafka.clients.admin.Config>> asked;
    try {
      asked = admin.kafkaAdmin().describeConfigs(wanted).values();
    } catch (IllegalStateException closed) {
      wanted.forEach(resource -> result.put(resource.name(), new Topic(resource.name(), Existence.UNKNOWN, -1)));
      return result;
    }
    long deadline = now + config.connectTimeout().toNanos();
    deadline = notAfterNanos != Long.MAX_VALUE && notAfterNanos - deadline < 0 ? notAfterNanos : deadline;
    for (Map.Entry<ConfigResource, KafkaFuture<org.apache.kafka.clients.admin.Config>> entry : asked.entrySet()) {
      String name = entry.getKey().name();
      Topic topic = await(name, entry.getValue(), deadline);
      if (topic.knownLimit() || topic.refused()) {
        known.put(name, new Remembered(topic, System.nanoTime()));
      }
      result.put(name, topic);
    }
    return result;
  }

  /** Forgets what was learned of {@code topic}, after Kafka said something that contradicts it. */
  public void forget(String topic) {
    known.remove(topic);
  }

  private Topic await(String name, KafkaFuture<org.apache.kafka.clients.admin.Config> future, long deadline) {
    try {
      org.apache.kafka.clients.admin.Config described = future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      org.apache.kafka.clients.admin.ConfigEntry limit = described.get("max.message.bytes");
      return new Topic(name, Existence.EXISTS, limit == null || limit.value() == null ? -1 : Integer.parseInt(limit.value()));
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        boolean created = !"false".equals(String.valueOf(config.properties().get("allow.auto.create.topics")))
            && !Boolean.FALSE.equals(autoCreate(deadline));
        return new Topic(name, created ? Existence.MISSING : Existence.MISSING_NOT_CREATED, -1);
      }
      // No DescribeConfigs ACL, say: kafka-clients finds out alone, and asking again each delivery would not help.
      return new Topic(name, Existence.UNKNOWN, -1, e.getCause() instanceof AuthorizationException);
    } catch (java.util.concurrent.TimeoutException | NumberFormatException e) {
      return new Topic(name, Existence.UNKNOWN, -1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Topic(name, Existence.UNKNOWN, -1);
    }
  }

  /** The brokers' {@code auto.create.topics.enable} (asked of one broker, once), or null if it could not be read. */
  private Boolean autoCreate(long deadline) {
    Boolean answer = autoCreate;
    if (answer != null) {
      return answer;
    }
    try {
      Admin kafka = admin.kafkaAdmin();
      long wait = Math.max(0, deadline - System.nanoTime());
      Node any = kafka.describeCluster().nodes().get(wait, TimeUnit.NANOSECONDS).iterator().next();
      ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, Integer.toString(any.id()));
      org.apache.kafka.clients.admin.ConfigEntry entry = kafka.describeConfigs(List.of(broker)).values().get(broker)
          .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS).get("auto.create.topics.enable");
      answer = entry == null || entry.value() == null ? null : Boolean.valueOf(entry.value());
      autoCreate = answer;
      return answer;
    } catch (ExecutionException | java.util.concurrent.TimeoutException | RuntimeException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
