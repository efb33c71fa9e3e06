package dev.gregor.embedded.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gregor.embedded.EmbeddedKafkaException;
import dev.gregor.embedded.Listener;
import dev.gregor.embedded.ProcessMode;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/** A free port taken by someone else between choosing and binding costs a retry, not the start. */
class PortRetryTest {

  @Test
  void aChosenPortTakenBeforeTheNodeBindsItIsReplacedByAFreshOne() throws Exception {
    try (ServerSocket squatter = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      int taken = squatter.getLocalPort();
      AtomicInteger choices = new AtomicInteger();
      IntSupplier firstTakenThenFree = () -> choices.getAndIncrement() == 0 ? taken : NodeLayout.freePort();

      EmbeddedCluster cluster = EmbeddedCluster.start(settings(), firstTakenThenFree);
      try {
        assertThat(cluster.layout().bootstrapServers(Listener.PLAINTEXT)).doesNotContain(":" + taken);
        assertThat(choices.get()).as("ports chosen over both attempts").isGreaterThan(2);
      } finally {
        cluster.close();
      }
    }
  }

  @Test
  void aPortOfferedTwiceIsNeverGivenToTwoListenersOfOneLayout() {
    int[] offered = {40001, 40001, 40001, 40002, 40002, 40003};
    AtomicInteger next = new AtomicInteger();
    ClusterSettings twoListeners = new ClusterSettings(1, 0, EnumSet.of(Listener.PLAINTEXT, Listener.SASL_PLAINTEXT),
        Map.of(), Map.of(), null, ProcessMode.IN_PROCESS, Duration.ofMinutes(2), List.of());

    NodeLayout layout = NodeLayout.allocate(twoListeners, () -> offered[next.getAndIncrement()]);

    NodeLayout.Node node = layout.node(1);
    assertThat(List.of(node.ports().get(Listener.PLAINTEXT), node.ports().get(Listener.SASL_PLAINTEXT), node.controllerPort()))
        .containsExactlyInAnyOrder(40001, 40002, 40003);
  }

  @Test
  void aTakenPortIsRecognisedInTheCauseChainOrInAChildJvmsLogTail() {
    assertThat(PortTaken.causedBy(new EmbeddedKafkaException("start failed", new RuntimeException(new BindException())))).isTrue();
    assertThat(PortTaken.causedBy(new EmbeddedKafkaException("Node 1 (child JVM) did not start; its output:\n"
        + "KafkaException: Socket server failed to bind to localhost:4242: Address already in use."))).isTrue();
    assertThat(PortTaken.causedBy(new EmbeddedKafkaException("the data directory is locked"))).isFalse();
  }

  private static ClusterSettings settings() {
    return new ClusterSettings(1, 0, EnumSet.of(Listener.PLAINTEXT), Map.of(), Map.of(), null, ProcessMode.IN_PROCESS,
        Duration.ofMinutes(2), List.of());
  }
}
