package dev.gregor.client.internal.connection;

import java.util.List;

/**
 * What a broker port turned out to speak, found by {@link ListenerProbe}: whether it accepts TCP,
 * whether it speaks TLS, and whether it expects SASL (with the mechanisms it enables).
 */
record ListenerKind(String address, boolean reachable, boolean tls, boolean sasl, List<String> mechanisms) {

  static ListenerKind unreachable(String address) {
    return new ListenerKind(address, false, false, false, List.of());
  }

  /** The {@code security.protocol} this port needs. */
  String protocol() {
    return sasl ? (tls ? "SASL_SSL" : "SASL_PLAINTEXT") : (tls ? "SSL" : "PLAINTEXT");
  }
}
