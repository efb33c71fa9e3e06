package dev.gregor.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.gregor.embedded.ChildJvm;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A seed broker that is not Kafka (a web server, an SSH server, anything else) is named at connect,
 * before kafka-clients reads its bytes as a message size and allocates gigabytes. Each connect runs
 * in a child JVM with a 64 MB heap that exits on OutOfMemoryError, so an allocation would show.
 */
class NotKafkaPeerTest {

  @Test
  void anHttpServerIsNamedAndTheJvmSurvives() throws Exception {
    HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext("/", exchange -> {
      exchange.sendResponseHeaders(404, -1);
      exchange.close();
    });
    http.start();
    try {
      String output = connectInChildJvm("127.0.0.1:" + http.getAddress().getPort());

      assertThat(output).contains("ConnectionFailed").contains("127.0.0.1:" + http.getAddress().getPort())
          .contains("answers like an HTTP server");
    } finally {
      http.stop(0);
    }
  }

  @Test
  void anHttpServerDoesNotKillAJvmWhoseClientUsesTls() throws Exception {
    HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.start();
    try {
      String output = connectInChildJvm("kafka+ssl://127.0.0.1:" + http.getAddress().getPort());

      assertThat(output).contains("ConnectionFailed").contains("127.0.0.1:" + http.getAddress().getPort())
          .contains("answers like an HTTP server");
    } finally {
      http.stop(0);
    }
  }

  @Test
  void anSshServerIsNamedByItsBannerAndTheJvmSurvives() throws Exception {
    try (Peer ssh = new Peer("SSH-2.0-OpenSSH_9.6p1 Ubuntu-3ubuntu13\r\n".getBytes(StandardCharsets.US_ASCII), false)) {
      String output = connectInChildJvm(ssh.address());

      assertThat(output).contains("ConnectionFailed").contains(ssh.address()).contains("sends an SSH banner");
    }
  }

  @Test
  void aPeerAnsweringWithAHugeLengthPrefixIsNotTakenForKafka() throws Exception {
    byte[] garbage = {0x7f, 0x00, 0x00, 0x10, 1, 2, 3, 4, 5, 6, 7, 8};
    try (Peer peer = new Peer(garbage, true)) {
      String output = connectInChildJvm(peer.address());

      assertThat(output).contains("ConnectionFailed").contains(peer.address()).contains("not a Kafka frame");
    }
  }

  @Test
  void aPeerThatClosesTheConnectionIsNamed() throws Exception {
    try (Peer peer = new Peer(new byte[0], true)) {
      String output = connectInChildJvm(peer.address());

      assertThat(output).contains("ConnectionFailed").contains(peer.address()).contains("closed the connection");
    }
  }

  /** Runs the connect in a JVM with a small heap that exits on OutOfMemoryError; returns its output once it exited 0. */
  private static String connectInChildJvm(String address) throws Exception {
    StringBuffer output = new StringBuffer();
    try (ChildJvm child = ChildJvm.builder(ConnectToNonKafkaMain.class).jvmOptions("-Xmx64m", "-XX:+ExitOnOutOfMemoryError")
        .args(address).onOutput(line -> output.append(line).append('\n')).start()) {
      assertThat(child.waitFor(Duration.ofSeconds(60))).isTrue();
      assertThat(child.awaitOutput(Duration.ofSeconds(10))).isTrue();
      assertThat(child.exitValue()).as("exit status of the child JVM, whose output was:%n%s", output).isZero();
      System.out.println("CHILD JVM | " + output.toString().strip());
      return output.toString();
    }
  }

  /** A TCP server that greets every connection with {@code greeting}, after the client spoke if asked to, then closes. */
  private static final class Peer implements AutoCloseable {
    private final ServerSocket server;

    Peer(byte[] greeting, boolean afterRequest) throws IOException {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread thread = new Thread(() -> {
        while (!server.isClosed()) {
          try (Socket socket = server.accept()) {
            if (afterRequest) {
              InputStream in = socket.getInputStream();
              in.read(new byte[4096]);
            }
            OutputStream out = socket.getOutputStream();
            out.write(greeting);
            out.flush();
            socket.shutdownOutput();
            socket.setSoTimeout(2_000);
            socket.getInputStream().readAllBytes();
          } catch (IOException e) {
            // the next connection gets the same greeting
          }
        }
      }, "peer-" + server.getLocalPort());
      thread.setDaemon(true);
      thread.start();
    }

    String address() {
      return "127.0.0.1:" + server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }
}
