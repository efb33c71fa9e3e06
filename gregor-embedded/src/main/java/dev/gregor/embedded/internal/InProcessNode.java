package dev.gregor.embedded.internal;

import dev.gregor.embedded.EmbeddedKafkaException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.server.metrics.KafkaYammerMetrics;

/** A node running Kafka's own {@link KafkaRaftServer} in the caller's JVM. */
public final class InProcessNode implements NodeProcess {
  /** Nodes running in this JVM; the broker's static metrics registry lives exactly as long as one does. */
  private static final AtomicInteger RUNNING = new AtomicInteger();

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
    synchronized (RUNNING) {
      RUNNING.incrementAndGet();
    }
    KafkaRaftServer started = null;
    try {
      started = new KafkaRaftServer(new KafkaConfig(config, false), Time.SYSTEM);
      started.startup();
    } catch (RuntimeException e) {
      if (started != null) {
        shutdownQuietly(started);
      }
      releaseJvmWideMetricsAfterLastNode();
      throw new EmbeddedKafkaException("Node " + id + " failed to start: " + e.getMessage(), e);
    }
    server = started;
  }

  @Override
  public synchronized void stopBroker(Duration controlledShutdownTimeout) {
    if (server != null) {
      BrokerShutdown.shutdownBroker(server, controlledShutdownTimeout);
    }
  }

  @Override
  public synchronized void stop() {
    if (server != null) {
      KafkaRaftServer running = server;
      server = null;
      try {
        running.shutdown();
        running.awaitShutdown();
      } finally {
        releaseJvmWideMetricsAfterLastNode();
      }
    }
  }

  /**
   * Kafka's Yammer registry is a JVM-wide singleton with its own tick threads; stopping it with
   * the last node leaves no threads behind, and the next node to start gets fresh pools.
   */
  private static void releaseJvmWideMetricsAfterLastNode() {
    synchronized (RUNNING) {
      if (RUNNING.decrementAndGet() == 0) {
        KafkaYammerMetrics.defaultRegistry().shutdown();
      }
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
