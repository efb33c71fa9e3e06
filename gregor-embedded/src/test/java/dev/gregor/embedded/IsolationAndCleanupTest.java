package dev.gregor.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IsolationAndCleanupTest {
  /** Threads the JVM or the JDK's own pools own; none of them is a broker's. */
  private static final List<String> JVM_THREAD_PREFIXES = List.of("ForkJoinPool.commonPool", "process reaper",
      "Attach Listener", "Common-Cleaner", "Reference Handler", "Signal Dispatcher", "Finalizer", "surefire",
      "junit", "Notification Thread", "Cleaner", "awaitility");

  @Test
  void twoClustersInOneJvmAreIndependent() throws Exception {
    try (EmbeddedKafka first = EmbeddedKafka.builder().start();
         EmbeddedKafka second = EmbeddedKafka.builder().start();
         Admin firstAdmin = first.admin();
         Admin secondAdmin = second.admin()) {
      first.createTopic("only-in-first", 1, 1);

      assertThat(first.clusterId()).isNotEqualTo(second.clusterId());
      assertThat(first.bootstrapServers()).isNotEqualTo(second.bootstrapServers());
      assertThat(firstAdmin.listTopics().names().get(10, TimeUnit.SECONDS)).contains("only-in-first");
      assertThat(secondAdmin.listTopics().names().get(10, TimeUnit.SECONDS)).doesNotContain("only-in-first");
    }
  }

  @Test
  void closeReleasesPortsThreadsAndTheTemporaryDataDirectory() {
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    EmbeddedKafka kafka = EmbeddedKafka.builder().listeners(Listener.SSL).start();
    kafka.createTopic("cleanup", 2, 1);
    List<Integer> ports = ports(kafka.bootstrapServers() + "," + kafka.bootstrapServers(Listener.SSL));
    Path dataDir = kafka.dataDir();

    kafka.close();

    assertThat(dataDir).doesNotExist();
    for (int port : ports) {
      assertThat(canBind(port)).as("port %d is free again", port).isTrue();
    }
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(leftoverThreads(before)).isEmpty());
  }

  @Test
  void persistentDataDirectoryKeepsRecordsAcrossRestarts(@TempDir Path dir) throws Exception {
    String clusterId;
    try (EmbeddedKafka kafka = EmbeddedKafka.builder().dataDir(dir).start()) {
      kafka.createTopic("kept", 1, 1);
      RoundTrip.produce(kafka.clientConfig(), "kept", "survives a restart");
      clusterId = kafka.clusterId();
    }
    assertThat(Files.exists(dir)).isTrue();

    try (EmbeddedKafka again = EmbeddedKafka.builder().dataDir(dir).start()) {
      assertThat(again.clusterId()).isEqualTo(clusterId);
      assertThat(RoundTrip.consume(again.clientConfig(), "kept", 1)).containsExactly("survives a restart");
    }
  }

  @Test
  void persistentDataDirectoryOfAnotherClusterShapeIsRefused(@TempDir Path dir) {
    EmbeddedKafka.builder().dataDir(dir).start().close();

    assertThatThrownBy(() -> EmbeddedKafka.builder().nodes(2).dataDir(dir).start())
        .isInstanceOf(EmbeddedKafkaException.class)
        .hasMessageContaining("holds a 1-node cluster, but 2 nodes were asked for");
  }

  private static List<String> leftoverThreads(Set<Thread> before) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> !before.contains(t) && t.isAlive())
        .map(Thread::getName)
        .filter(name -> JVM_THREAD_PREFIXES.stream().noneMatch(name::startsWith))
        .collect(Collectors.toList());
  }

  private static List<Integer> ports(String bootstrapServers) {
    return Arrays.stream(bootstrapServers.split(","))
        .map(address -> Integer.parseInt(address.substring(address.lastIndexOf(':') + 1)))
        .collect(Collectors.toList());
  }

  private static boolean canBind(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
