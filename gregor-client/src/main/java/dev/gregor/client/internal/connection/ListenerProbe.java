package dev.gregor.client.internal.connection;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Finds out what a broker port speaks, so that a client configured for the wrong protocol gets a
 * named cause at once instead of kafka-clients' silent retries until the timeout. It only looks:
 * a TCP connect, a TLS handshake that trusts anything and sends nothing, and one Kafka
 * SaslHandshake request, whose answer says whether the listener expects SASL.
 */
final class ListenerProbe {
  private static final short SASL_HANDSHAKE = 17;
  private static final short ILLEGAL_SASL_STATE = 34;
  private static SSLContext probeContext;

  private ListenerProbe() {}

  /** The kind of the first seed that accepts TCP, or an unreachable kind naming the first seed. */
  static ListenerKind probe(List<String> seeds, int timeoutMs) {
    for (String seed : seeds) {
      ListenerKind kind = probe(seed, timeoutMs);
      if (kind.reachable()) {
        return kind;
      }
    }
    return ListenerKind.unreachable(seeds.get(0));
  }

  private static ListenerKind probe(String seed, int timeoutMs) {
    int colon = seed.lastIndexOf(':');
    String host = seed.substring(0, colon).replace("[", "").replace("]", "");
    InetSocketAddress address = new InetSocketAddress(host, Integer.parseInt(seed.substring(colon + 1)));
    try (Socket tcp = connect(address, timeoutMs)) {
      // reachable; the TCP socket itself is not used further
    } catch (IOException e) {
      return ListenerKind.unreachable(seed);
    }
    boolean tls = false;
    List<String> mechanisms = null;
    try (Socket socket = connect(address, timeoutMs); SSLSocket ssl = tlsOver(socket, host, address.getPort())) {
      ssl.setSoTimeout(timeoutMs);
      ssl.startHandshake();
      tls = true;
      mechanisms = saslMechanisms(ssl);
    } catch (IOException | GeneralSecurityException notTls) {
      // not TLS, or TLS that ended before a SASL answer: tried below or left as it is
    }
    if (!tls) {
      try (Socket socket = connect(address, timeoutMs)) {
        mechanisms = saslMechanisms(socket);
      } catch (IOException e) {
        mechanisms = null;
      }
    }
    return new ListenerKind(seed, true, tls, mechanisms != null, mechanisms == null ? List.of() : mechanisms);
  }

  private static Socket connect(InetSocketAddress address, int timeoutMs) throws IOException {
    Socket socket = new Socket();
    try {
      socket.connect(address, timeoutMs);
      socket.setSoTimeout(timeoutMs);
      return socket;
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  static SSLSocket tlsOver(Socket socket, String host, int port) throws GeneralSecurityException, IOException {
    return (SSLSocket) probeContext().getSocketFactory().createSocket(socket, host, port, true);
  }

  /** One context for every probe: creating one costs more than the handshake it serves (every TLS connect probes). */
  private static synchronized SSLContext probeContext() throws GeneralSecurityException {
    if (probeContext == null) {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new TrustingAnything()}, new SecureRandom());
      probeContext = context;
    }
    return probeContext;
  }

  /** The enabled mechanisms if the port answered a SaslHandshake as a SASL listener, null if it is not one. */
  private static List<String> saslMechanisms(Socket socket) throws IOException {
    byte[] clientId = "gregor-probe".getBytes(StandardCharsets.UTF_8);
    byte[] mechanism = "PLAIN".getBytes(StandardCharsets.UTF_8);
    DataOutputStream out = new DataOutputStream(socket.getOutputStream());
    out.writeInt(2 + 2 + 4 + 2 + clientId.length + 2 + mechanism.length);
    out.writeShort(SASL_HANDSHAKE);
    out.writeShort(1);
    out.writeInt(1);
    out.writeShort(clientId.length);
    out.write(clientId);
    out.writeShort(mechanism.length);
    out.write(mechanism);
    out.flush();
    DataInputStream in = new DataInputStream(socket.getInputStream());
    int size = in.readInt();
    if (size < 10 || size > 64 * 1024) {
      return null;
    }
    in.readInt(); // correlation id
    short error = in.readShort();
    if (error == ILLEGAL_SASL_STATE) {
      return null;
    }
    int count = in.readInt();
    List<String> mechanisms = new ArrayList<>();
    for (int i = 0; i < count && i < 32; i++) {
      byte[] name = new byte[in.readShort()];
      in.readFully(name);
      mechanisms.add(new String(name, StandardCharsets.UTF_8));
    }
    return mechanisms;
  }

  /** The probe only asks whether the port speaks TLS; trust is kafka-clients' business. */
  private static final class TrustingAnything implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
