package dev.gregor.embedded.internal;

import java.lang.reflect.Field;
import java.time.Duration;
import kafka.server.BrokerServer;
import kafka.server.KafkaRaftServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Option;

/**
 * Shuts down only the broker half of a {@link KafkaRaftServer}, with a bound on the controlled
 * shutdown. {@code KafkaRaftServer.shutdown()} waits up to five minutes for the controllers to
 * approve a controlled shutdown, which never comes once the quorum is gone; and stopping every
 * broker before any controller, as Kafka's own test kit does, keeps the quorum there to approve.
 */
final class BrokerShutdown {
  private static final Logger LOG = LoggerFactory.getLogger(BrokerShutdown.class);

  private BrokerShutdown() {}

  /** Stops {@code server}'s broker, waiting at most {@code controlledShutdownTimeout} for approval. */
  static void shutdownBroker(KafkaRaftServer server, Duration controlledShutdownTimeout) {
    BrokerServer broker = broker(server);
    if (broker != null) {
      broker.shutdown(controlledShutdownTimeout);
    }
  }

  @SuppressWarnings("unchecked")
  private static BrokerServer broker(KafkaRaftServer server) {
    try {
      // KafkaRaftServer keeps its broker private; there is no public accessor in Kafka 4.x.
      Field field = KafkaRaftServer.class.getDeclaredField("broker");
      field.setAccessible(true);
      Option<BrokerServer> broker = (Option<BrokerServer>) field.get(server);
      return broker.isDefined() ? broker.get() : null;
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.warn("Cannot reach the broker of an embedded Kafka node ({}); it will stop with Kafka's default "
          + "controlled-shutdown wait", e.toString());
      return null;
    }
  }
}
