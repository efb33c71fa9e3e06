package dev.gregor.metrics;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A StatsD agent stand-in: a real UDP socket on a free local port that keeps every line it receives. */
final class UdpListener implements AutoCloseable {
  private final DatagramSocket socket;
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Thread reader;

  UdpListener() throws SocketException {
    socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    socket.setReceiveBufferSize(8 * 1024 * 1024); // kafka-clients' metrics arrive in bursts; keep them all
    reader = new Thread(this::read, "udp-listener");
    reader.setDaemon(true);
    reader.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  List<String> lines() {
    return lines;
  }

  /** Lines whose metric name (before the ':') is {@code name}. */
  List<String> named(String name) {
    return lines.stream().filter(line -> line.startsWith(name + ":")).toList();
  }

  private void read() {
    byte[] buffer = new byte[65_535];
    while (!socket.isClosed()) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        socket.receive(packet);
      } catch (IOException e) {
        return; // closed
      }
      for (String line : new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          lines.add(line);
        }
      }
    }
  }

  @Override
  public void close() {
    socket.close();
  }
}
