package dev.gregor.cli.internal;

import java.lang.management.ManagementFactory;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.message.ApiMessageType;

/**
 * Initializes, on a second thread, what every command that talks to Kafka needs before its first
 * request: kafka-clients' configuration definitions (which the client checks settings against),
 * the protocol's table of request and response types, and the platform MBean server that
 * kafka-clients registers each client in. Started first thing, it does on the second core what the
 * command would otherwise do itself once picocli has parsed (see "CLI start" in gregor-bench/README.md).
 */
public final class KafkaWarmUp {
  /** The commands that connect to a cluster through the client. */
  private static final Set<String> CONNECTING = Set.of("topics", "groups", "offsets", "cluster", "produce", "consume",
      "dead-letters");

  private KafkaWarmUp() {}

  /**
   * Starts the warm-up when {@code command} connects. It cannot deadlock with the command: those
   * classes' initializers reach neither Gregor's nor picocli's, so a command that gets there first
   * just waits for them.
   */
  public static void startFor(String command) {
    if (!CONNECTING.contains(command)) {
      return;
    }
    Thread thread = new Thread(KafkaWarmUp::initialize, "gregor-warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  private static void initialize() {
    try {
      ProducerConfig.configNames();
      ConsumerConfig.configNames();
      AdminClientConfig.configNames();
      ApiMessageType.values();
      ManagementFactory.getPlatformMBeanServer();
    } catch (RuntimeException | LinkageError e) {
      // The command meets the same failure on its own thread and reports it there.
    }
  }
}
