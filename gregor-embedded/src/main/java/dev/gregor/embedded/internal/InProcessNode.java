package dev.gregor.embedded.internal;

import dev.gregor.embedded.EmbeddedKafkaException;
import java.util.Map;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;

/** A node running Kafka's own {@link KafkaRaftServer} in the caller's JVM. */
public final class InProcessNode implements NodeProcess {
  private final int id;
  private final Map<String, String> config;
  private KafkaRaftServer server;

  public InProcessNode(int id, Map<String, String> config) {
    this.id = id;
    this.config = Map.copyOf(config);
  }

  @Override
  public synchronized void start() {
    if (server != null) {
      return;
    }
    ExitGuard.install();
    KafkaRaftServer started = new KafkaRaftServer(new KafkaConfig(config, false), Time.SYSTEM);
    try {
      started.startup();
    } catch (RuntimeException e) {
      shutdownQuietly(started);
      throw new EmbeddedKafkaException("Node " + id + " failed to start: " + e.getMessage(), e);
    }
    server = started;
  }

  @Override
  public synchronized void stop() {
    if (server != null) {
      KafkaRaftServer running = server;
      server = null;
      running.shutdown();
      running.awaitShutdown();
    }
  }

  @Override
  public void kill() {
    throw new EmbeddedKafkaException("kill(" + id + ") needs ProcessMode.CHILD_JVM: an in-process node cannot be "
        + "SIGKILLed without killing the caller's JVM; use stop(" + id + ") for a clean shutdown");
  }

  @Override
  public synchronized boolean isRunning() {
    return server != null;
  }

  private static void shutdownQuietly(KafkaRaftServer server) {
    try {
      server.shutdown();
      server.awaitShutdown();
    } catch (RuntimeException ignored) {
      // The start failure is what the caller needs to see.
    }
  }
}
