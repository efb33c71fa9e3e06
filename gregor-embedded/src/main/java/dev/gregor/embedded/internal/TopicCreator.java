package dev.gregor.embedded.internal;

import dev.gregor.embedded.EmbeddedKafkaException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;

/** Creates a topic and waits until each of its partitions has a leader, so the first produce succeeds. */
final class TopicCreator {
  private TopicCreator() {}

  static void create(String bootstrapServers, String name, int partitions, int replicationFactor,
      Map<String, String> configs, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      admin.createTopics(List.of(new NewTopic(name, partitions, (short) replicationFactor).configs(configs)))
          .all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      while (System.nanoTime() < deadline) {
        try {
          TopicDescription description = admin.describeTopics(List.of(name)).allTopicNames()
              .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(name);
          if (description.partitions().size() == partitions
              && description.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
            return;
          }
        } catch (ExecutionException retriable) {
          // The new topic may not have reached the broker's metadata yet.
        }
        TimeUnit.MILLISECONDS.sleep(50);
      }
      throw new EmbeddedKafkaException("Topic '" + name + "' was created but its partitions had no leaders within " + timeout);
    } catch (ExecutionException e) {
      throw new EmbeddedKafkaException("Could not create topic '" + name + "' (" + partitions + " partitions, replication "
          + replicationFactor + "): " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new EmbeddedKafkaException("Could not create topic '" + name + "' within " + timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EmbeddedKafkaException("Interrupted while creating topic '" + name + "'", e);
    }
  }
}
