package dev.gregor.client.internal;

import dev.gregor.client.Config;
import dev.gregor.client.ConnectionFailed;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Asks the seed brokers for the cluster id once at connect, so an unreachable cluster, a wrong
 * protocol or a wrong password fails at once with a message instead of at the first send.
 */
public final class ClusterProbe {
  private ClusterProbe() {}

  /** Returns the cluster id, or throws {@link ConnectionFailed} naming the addresses tried. */
  public static String clusterId(Config config) {
    long timeout = config.connectTimeout().toMillis();
    Map<String, Object> properties = new HashMap<>(ClientProperties.common(config));
    properties.put("default.api.timeout.ms", (int) timeout);
    properties.put("request.timeout.ms", (int) timeout);
    try (Admin admin = Admin.create(properties)) {
      return admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout))
          .clusterId().get(timeout + 1000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw failed(config, e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw failed(config, "no answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failed(config, "interrupted", e);
    }
  }

  private static ConnectionFailed failed(Config config, String reason, Throwable cause) {
    return new ConnectionFailed("Could not connect to any seed broker of " + config.seedBrokers() + " within "
        + config.connectTimeout().toMillis() + " ms (" + reason + "); check the addresses, that the brokers run, "
        + "and that security.protocol matches the listener", cause);
  }
}
