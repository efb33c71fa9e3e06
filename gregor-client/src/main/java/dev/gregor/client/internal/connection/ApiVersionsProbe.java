package dev.gregor.client.internal.connection;

import dev.gregor.client.internal.connection.FirstAnswer.Verdict;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;

/**
 * Asks every seed broker for its API versions with a request framed by hand, and reads the answer
 * without trusting its first four bytes as a size: kafka-clients would allocate whatever size a
 * web or SSH server's first bytes spell (over a gigabyte for "HTTP" or "SSH-") and die of
 * OutOfMemoryError. Runs before any kafka-clients client touches the seeds.
 */
final class ApiVersionsProbe {
  private static final short API_VERSIONS = 18;
  private static final int CORRELATION_ID = 0x67726567;
  /** An ApiVersions answer is a few hundred bytes; anything above this is not one. */
  private static final int MAX_ANSWER = 1024 * 1024;
  /**
   * The client id ends in an empty line, so an HTTP server that waits for the end of a request
   * head (the JDK's, Go's) sees a complete, malformed request and answers 400 at once.
   */
  private static final byte[] CLIENT_ID = "gregor-probe\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  private ApiVersionsProbe() {}

  /** The first answer from a seed that is not a Kafka frame, else null; all seeds are asked at once. */
  static FirstAnswer firstMismatch(List<String> seeds, boolean tls, int timeoutMs) {
    if (seeds.size() == 1) {
      return mismatchOrNull(ask(seeds.get(0), tls, timeoutMs));
    }
    List<CompletableFuture<FirstAnswer>> answers = seeds.stream()
        .map(seed -> CompletableFuture.supplyAsync(() -> ask(seed, tls, timeoutMs), ApiVersionsProbe::daemon))
        .toList();
    return answers.stream().map(CompletableFuture::join).map(ApiVersionsProbe::mismatchOrNull)
        .filter(answer -> answer != null).findFirst().orElse(null);
  }

  private static FirstAnswer mismatchOrNull(FirstAnswer answer) {
    Verdict verdict = answer.verdict();
    return verdict == Verdict.KAFKA || verdict == Verdict.NO_ANSWER ? null : answer;
  }

  /** What {@code seed} answered; over TLS only once a handshake succeeded (a failed one never reaches a size). */
  static FirstAnswer ask(String seed, boolean tls, int timeoutMs) {
    int colon = seed.lastIndexOf(':');
    String host = seed.substring(0, colon).replace("[", "").replace("]", "");
    InetSocketAddress address = new InetSocketAddress(host, Integer.parseInt(seed.substring(colon + 1)));
    Socket socket = new Socket();
    try {
      try {
        socket.connect(address, timeoutMs);
        socket.setSoTimeout(timeoutMs);
        if (tls) {
          SSLSocket ssl = ListenerProbe.tlsOver(socket, host, address.getPort());
          socket = ssl;
          ssl.startHandshake();
        }
      } catch (IOException | GeneralSecurityException e) {
        // Refused, unreachable or no TLS: kafka-clients' own attempt names these, but a port without TLS may be
        // a web or SSH server, which asking in plaintext names.
        boolean plaintextPort = tls && socket.isConnected();
        close(socket); // before asking again: a single-threaded server serves one connection at a time
        return plaintextPort ? notKafkaOrNoAnswer(ask(seed, false, timeoutMs)) : FirstAnswer.of(seed, Verdict.NO_ANSWER);
      }
      send(socket);
      return read(seed, socket, tls);
    } catch (SocketTimeoutException | SSLException e) {
      return FirstAnswer.of(seed, Verdict.NO_ANSWER); // a silent peer, or TLS refusing this probe's missing certificate
    } catch (IOException e) {
      return FirstAnswer.of(seed, tls ? Verdict.NO_ANSWER : Verdict.CLOSED); // reset while asking
    } finally {
      close(socket);
    }
  }

  private static void close(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // the probe's socket is done with either way
    }
  }

  private static FirstAnswer notKafkaOrNoAnswer(FirstAnswer plain) {
    return plain.verdict() == Verdict.NOT_KAFKA ? plain : FirstAnswer.of(plain.address(), Verdict.NO_ANSWER);
  }

  private static void send(Socket socket) throws IOException {
    DataOutputStream out = new DataOutputStream(socket.getOutputStream());
    out.writeInt(2 + 2 + 4 + 2 + CLIENT_ID.length);
    out.writeShort(API_VERSIONS);
    out.writeShort(0); // every broker answers v0, if only with UNSUPPORTED_VERSION
    out.writeInt(CORRELATION_ID);
    out.writeShort(CLIENT_ID.length);
    out.write(CLIENT_ID);
    out.flush();
  }

  private static FirstAnswer read(String seed, Socket socket, boolean tls) throws IOException {
    byte[] first = new byte[80];
    int length = readAtLeast(socket, first, 8);
    if (length == 0) {
      // Over TLS a broker closes after refusing this probe's missing client certificate; say nothing then.
      return FirstAnswer.of(seed, tls ? Verdict.NO_ANSWER : Verdict.CLOSED);
    }
    if (length >= 8) {
      int size = toInt(first, 0);
      if (size >= 6 && size <= MAX_ANSWER && toInt(first, 4) == CORRELATION_ID) {
        return FirstAnswer.of(seed, Verdict.KAFKA);
      }
    }
    if (length < 4) {
      return new FirstAnswer(seed, Verdict.NOT_KAFKA, "answered " + length + " bytes and closed the connection; "
          + "it is not a Kafka broker");
    }
    return FirstAnswer.describe(seed, first, length);
  }

  /** Reads until {@code min} bytes or the end of the first line came, the peer closed, or the buffer is full. */
  private static int readAtLeast(Socket socket, byte[] buffer, int min) throws IOException {
    InputStream in = socket.getInputStream();
    int length = 0;
    while (length < buffer.length) {
      int read;
      try {
        read = in.read(buffer, length, length < min ? min - length : buffer.length - length);
      } catch (SocketTimeoutException e) {
        if (length == 0) {
          throw e;
        }
        return length;
      }
      if (read < 0) {
        return length;
      }
      length += read;
      if (length >= min && (toInt(buffer, 4) == CORRELATION_ID || lineEnded(buffer, length))) {
        return length;
      }
      if (length >= min) {
        socket.setSoTimeout(200); // not Kafka: the rest of its first line only serves the message
      }
    }
    return length;
  }

  private static boolean lineEnded(byte[] buffer, int length) {
    for (int i = 0; i < length; i++) {
      if (buffer[i] == '\n') {
        return true;
      }
    }
    return false;
  }

  private static int toInt(byte[] bytes, int at) {
    return ((bytes[at] & 0xff) << 24) | ((bytes[at + 1] & 0xff) << 16) | ((bytes[at + 2] & 0xff) << 8) | (bytes[at + 3] & 0xff);
  }

  private static void daemon(Runnable probe) {
    Thread thread = new Thread(probe, "gregor-connect-probe");
    thread.setDaemon(true);
    thread.start();
  }
}
