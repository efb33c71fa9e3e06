package dev.gregor.embedded;

/** The SASL mechanisms the {@link Listener#SASL_PLAINTEXT} listener accepts. */
public enum SaslMechanism {
  /** User name and password in the clear: use over TLS. */
  PLAIN("PLAIN"),
  /** Salted challenge-response with SHA-256. */
  SCRAM_SHA_256("SCRAM-SHA-256"),
  /** Salted challenge-response with SHA-512. */
  SCRAM_SHA_512("SCRAM-SHA-512"),
  /** Unsecured JWTs (no signature check), as Kafka's own unsecured OAUTHBEARER validator accepts. */
  OAUTHBEARER("OAUTHBEARER");

  private final String mechanismName;

  SaslMechanism(String mechanismName) {
    this.mechanismName = mechanismName;
  }

  /** The name clients put in {@code sasl.mechanism}. */
  public String mechanismName() {
    return mechanismName;
  }
}
