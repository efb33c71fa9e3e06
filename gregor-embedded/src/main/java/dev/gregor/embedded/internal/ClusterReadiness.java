package dev.gregor.embedded.internal;

import dev.gregor.embedded.EmbeddedKafkaException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;

/** Waits until the brokers a caller expects are registered and unfenced, as clients see them. */
public final class ClusterReadiness {
  private static final long POLL_MILLIS = 100;

  private ClusterReadiness() {}

  /** Returns once exactly {@code expected} brokers are in the cluster; fails after {@code timeout}. */
  public static void awaitBrokers(String bootstrapServers, Set<Integer> expected, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Set<Integer> seen = Set.of();
    Exception lastError = null;
    try (Admin admin = Admin.create(Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000,
        AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200))) {
      while (System.nanoTime() < deadline) {
        try {
          seen = admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000)).nodes()
              .get(2, TimeUnit.SECONDS).stream().map(Node::id).collect(Collectors.toCollection(TreeSet::new));
          if (seen.equals(expected)) {
            return;
          }
        } catch (ExecutionException | TimeoutException e) {
          lastError = e;
        }
        TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EmbeddedKafkaException("Interrupted while waiting for brokers " + expected, e);
    }
    throw new EmbeddedKafkaException("Brokers " + new TreeSet<>(expected) + " were not all up within " + timeout
        + " (registered: " + seen + ")" + (lastError == null ? "" : "; last error: " + lastError.getMessage()), lastError);
  }
}
