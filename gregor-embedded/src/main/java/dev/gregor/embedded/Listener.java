package dev.gregor.embedded;

/** A client-facing listener an embedded broker can open, each on its own port. */
public enum Listener {
  /** No encryption, no authentication; always open, and also used between brokers. */
  PLAINTEXT("PLAINTEXT", "PLAINTEXT"),
  /** SASL over plain TCP, with PLAIN, SCRAM-SHA-256, SCRAM-SHA-512 and unsecured OAUTHBEARER. */
  SASL_PLAINTEXT("SASL_PLAINTEXT", "SASL_PLAINTEXT"),
  /** TLS with a broker certificate signed by the generated CA; clients need not present one. */
  SSL("SSL", "SSL"),
  /** Mutual TLS: clients must present a certificate signed by the generated CA. */
  MTLS("MTLS", "SSL"),
  /** SASL over TLS: the SASL_PLAINTEXT mechanisms and users, encrypted with the generated broker certificate. */
  SASL_SSL("SASL_SSL", "SASL_SSL");

  private final String listenerName;
  private final String securityProtocol;

  Listener(String listenerName, String securityProtocol) {
    this.listenerName = listenerName;
    this.securityProtocol = securityProtocol;
  }

  /** The listener's name in the broker configuration ({@code listeners=MTLS://...}). */
  public String listenerName() {
    return listenerName;
  }

  /** The {@code security.protocol} a client uses to talk to this listener. */
  public String securityProtocol() {
    return securityProtocol;
  }
}
