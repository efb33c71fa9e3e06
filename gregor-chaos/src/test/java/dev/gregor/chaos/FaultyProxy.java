package dev.gregor.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP proxy in front of one broker (plain java.nio, blocking channels, a thread per
 * direction) that can delay every frame, silence the open connections, or reset them with an RST.
 * It rewrites the broker's port in metadata responses, so clients keep coming through it.
 */
final class FaultyProxy implements AutoCloseable {
  private final ServerSocketChannel server;
  private final int brokerPort;
  private final AddressRewrite rewrite;
  private final List<ProxiedConnection> connections = new CopyOnWriteArrayList<>();
  private final AtomicLong accepted = new AtomicLong();
  private volatile long delayNanos;
  private volatile boolean coordinatorSilent;
  private final Thread acceptor;

  FaultyProxy(int brokerPort) {
    try {
      this.server = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.brokerPort = brokerPort;
    this.rewrite = new AddressRewrite(brokerPort, port());
    this.acceptor = new Thread(this::accept, "chaos-proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.socket().getLocalPort();
  }

  /** The address clients use instead of the broker's. */
  String address() {
    return "localhost:" + port();
  }

  /** Connections accepted so far. */
  long accepted() {
    return accepted.get();
  }

  /** Delays every frame, both ways, by {@code delay} from now on (zero forwards at once). */
  void delay(Duration delay) {
    delayNanos = delay.toNanos();
  }

  long delayNanos() {
    return delayNanos;
  }

  /**
   * From now on (until called with false) silences every connection on which a client sends a
   * request to its group coordinator (join, heartbeat, commit, …): kafka-clients talks to the
   * coordinator on a connection of its own, so the member's coordinator stops answering while its
   * partitions' leader goes on serving its fetches.
   */
  void silenceCoordinator(boolean silent) {
    coordinatorSilent = silent;
  }

  boolean coordinatorSilent() {
    return coordinatorSilent;
  }

  /** Stops forwarding on every open connection without closing it: a network partition; new connections work. */
  int silenceOpenConnections() {
    connections.forEach(ProxiedConnection::silence);
    return connections.size();
  }

  /** Resets every open connection: the client gets an RST, as from a crashed middlebox. */
  int resetAll() {
    int count = connections.size();
    connections.forEach(ProxiedConnection::reset);
    return count;
  }

  void closed(ProxiedConnection connection) {
    connections.remove(connection);
  }

  private void accept() {
    while (server.isOpen()) {
      try {
        SocketChannel client = server.accept();
        SocketChannel broker = SocketChannel.open(new InetSocketAddress("127.0.0.1", brokerPort));
        accepted.incrementAndGet();
        ProxiedConnection connection = new ProxiedConnection(this, client, broker, rewrite);
        connections.add(connection);
        connection.start();
      } catch (IOException e) {
        if (!server.isOpen()) {
          return;
        }
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    connections.forEach(ProxiedConnection::reset);
  }
}
