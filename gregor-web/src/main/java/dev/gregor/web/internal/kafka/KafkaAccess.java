package dev.gregor.web.internal.kafka;

import dev.gregor.client.Config;
import dev.gregor.client.ConnectionFailed;
import dev.gregor.client.Gregor;
import dev.gregor.client.GregorException;
import dev.gregor.client.UnknownGroup;
import dev.gregor.client.UnknownTopic;
import dev.gregor.web.internal.http.NotFound;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The dashboard's way to Kafka: one client, made on first use rather than at start, so that a dashboard whose
 * cluster is down starts, says so on every page, and works once the cluster is back. Unknown names become 404s.
 */
public final class KafkaAccess implements AutoCloseable {
  private final Config config;
  private @Nullable Gregor client;
  private boolean closed;

  public KafkaAccess(Config config) {
    this.config = config;
  }

  /** The seed brokers, as pages name them. */
  public String bootstrap() {
    return String.join(",", config.seedBrokers());
  }

  /** Runs {@code call} with the client; Kafka down is {@link KafkaUnavailable}, an unknown topic or group {@link NotFound}. */
  public <T> T call(Function<Gregor, T> call) {
    try {
      return call.apply(client());
    } catch (UnknownTopic | UnknownGroup e) {
      throw new NotFound(e.getMessage() == null ? "Not found" : e.getMessage());
    } catch (GregorException e) {
      if (unreachable(e)) {
        throw new KafkaUnavailable("Kafka at " + bootstrap() + " did not answer: " + e.getMessage(), e);
      }
      throw e;
    }
  }

  private synchronized Gregor client() {
    if (closed) {
      throw new IllegalStateException("the dashboard was stopped");
    }
    if (client == null) {
      try {
        client = Gregor.connect(config);
      } catch (ConnectionFailed e) {
        throw new KafkaUnavailable(e.getMessage() == null ? "Kafka at " + bootstrap() + " is not reachable"
            : e.getMessage(), e);
      }
    }
    return client;
  }

  /** A connection failure or a timeout anywhere in the chain: the cluster, not the request, is the problem. */
  private static boolean unreachable(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConnectionFailed || cause instanceof org.apache.kafka.common.errors.TimeoutException
          || cause instanceof java.util.concurrent.TimeoutException) {
        return true;
      }
    }
    return false;
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (client != null) {
      client.close();
    }
  }
}
