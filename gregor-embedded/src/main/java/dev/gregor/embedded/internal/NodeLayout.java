package dev.gregor.embedded.internal;

import dev.gregor.embedded.EmbeddedKafkaException;
import dev.gregor.embedded.Listener;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;

/**
 * Which node listens where. Ports are fixed for the cluster's life so that a restarted node
 * comes back at the same address and clients reconnect to it.
 */
public final class NodeLayout {
  /** One node's identity, role and ports. */
  public record Node(int id, boolean controller, Map<Listener, Integer> ports, int controllerPort) {}

  private final List<Node> nodes;

  private NodeLayout(List<Node> nodes) {
    this.nodes = List.copyOf(nodes);
  }

  /** Chooses ports: the PLAINTEXT ports from {@code basePort} upward if set, everything else free. */
  public static NodeLayout allocate(ClusterSettings settings) {
    return allocate(settings, NodeLayout::freePort);
  }

  /**
   * {@link #allocate(ClusterSettings)} taking free ports from {@code freePorts}. A free port is
   * only free when chosen: another process can take it before the node binds it, which
   * {@link EmbeddedCluster#start} answers by starting again on fresh ports.
   */
  static NodeLayout allocate(ClusterSettings settings, IntSupplier freePorts) {
    IntSupplier distinct = distinct(freePorts);
    List<Node> nodes = new ArrayList<>();
    for (int id = 1; id <= settings.nodes(); id++) {
      Map<Listener, Integer> ports = new EnumMap<>(Listener.class);
      for (Listener listener : settings.listeners()) {
        if (listener == Listener.PLAINTEXT && settings.basePort() > 0) {
          int port = settings.basePort() + id - 1;
          requireFree(port, "node " + id + ", listener PLAINTEXT");
          ports.put(listener, port);
        } else {
          ports.put(listener, distinct.getAsInt());
        }
      }
      boolean controller = id <= settings.controllerCount();
      nodes.add(new Node(id, controller, ports, controller ? distinct.getAsInt() : -1));
    }
    return new NodeLayout(nodes);
  }

  /**
   * Free ports never handed out twice in one layout: the operating system may offer a port again as soon as
   * the probe socket closed, and two listeners of a node on one port stop it from starting.
   */
  private static IntSupplier distinct(IntSupplier freePorts) {
    Set<Integer> chosen = new HashSet<>();
    return () -> {
      for (int tries = 0; tries < 100; tries++) {
        int port = freePorts.getAsInt();
        if (chosen.add(port)) {
          return port;
        }
      }
      throw new EmbeddedKafkaException("Could not find a free port not chosen already on the loopback interface "
          + "after 100 tries (chosen: " + chosen + ")");
    };
  }

  public List<Node> nodes() {
    return nodes;
  }

  public Node node(int id) {
    if (id < 1 || id > nodes.size()) {
      throw new IllegalArgumentException("node must be between 1 and " + nodes.size() + ", was " + id);
    }
    return nodes.get(id - 1);
  }

  /** {@code controller.quorum.voters}: a static quorum of the combined nodes. */
  public String quorumVoters() {
    return nodes.stream().filter(Node::controller)
        .map(n -> n.id() + "@localhost:" + n.controllerPort())
        .collect(Collectors.joining(","));
  }

  /** {@code localhost:p1,localhost:p2,...} for one listener across all nodes. */
  public String bootstrapServers(Listener listener) {
    return nodes.stream().map(n -> "localhost:" + n.ports().get(listener)).collect(Collectors.joining(","));
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new EmbeddedKafkaException("Could not find a free port on the loopback interface: " + e, e);
    }
  }

  private static void requireFree(int port, String what) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    } catch (IOException e) {
      throw new EmbeddedKafkaException("Port " + port + " (" + what + ") is already in use; "
          + "stop whatever listens there or choose another port (0 picks a free one)", e);
    }
  }
}
