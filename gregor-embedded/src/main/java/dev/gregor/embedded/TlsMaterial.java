package dev.gregor.embedded;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * The certificates an embedded cluster generated at start: a CA, a broker certificate for
 * {@code localhost}/{@code 127.0.0.1} and a client certificate for mutual TLS, as PEM strings
 * and as files.
 */
public final class TlsMaterial {
  private final String caCertificatePem;
  private final String brokerCertificatePem;
  private final String brokerPrivateKeyPem;
  private final String clientCertificatePem;
  private final String clientPrivateKeyPem;
  private final Path directory;

  /** Creates the material; the PEM files are expected under {@code directory}. */
  public TlsMaterial(String caCertificatePem, String brokerCertificatePem, String brokerPrivateKeyPem,
      String clientCertificatePem, String clientPrivateKeyPem, Path directory) {
    this.caCertificatePem = Objects.requireNonNull(caCertificatePem);
    this.brokerCertificatePem = Objects.requireNonNull(brokerCertificatePem);
    this.brokerPrivateKeyPem = Objects.requireNonNull(brokerPrivateKeyPem);
    this.clientCertificatePem = Objects.requireNonNull(clientCertificatePem);
    this.clientPrivateKeyPem = Objects.requireNonNull(clientPrivateKeyPem);
    this.directory = Objects.requireNonNull(directory);
  }

  /** The CA certificate that signed the broker and client certificates, in PEM. */
  public String caCertificatePem() {
    return caCertificatePem;
  }

  /** The broker's certificate in PEM (SAN: localhost, 127.0.0.1, ::1). */
  public String brokerCertificatePem() {
    return brokerCertificatePem;
  }

  /** The broker's unencrypted PKCS#8 private key in PEM. */
  public String brokerPrivateKeyPem() {
    return brokerPrivateKeyPem;
  }

  /** The client certificate for {@link Listener#MTLS}, in PEM. */
  public String clientCertificatePem() {
    return clientCertificatePem;
  }

  /** The client's unencrypted PKCS#8 private key in PEM. */
  public String clientPrivateKeyPem() {
    return clientPrivateKeyPem;
  }

  /** {@code ca.pem}: the CA certificate file. */
  public Path caCertificateFile() {
    return directory.resolve("ca.pem");
  }

  /** {@code client.pem}: the client certificate file. */
  public Path clientCertificateFile() {
    return directory.resolve("client.pem");
  }

  /** {@code client-key.pem}: the client private key file. */
  public Path clientPrivateKeyFile() {
    return directory.resolve("client-key.pem");
  }

  /** kafka-clients settings that trust the CA (and, with {@code withClientCertificate}, present the client certificate). */
  public Map<String, Object> clientConfig(boolean withClientCertificate) {
    if (!withClientCertificate) {
      return Map.of("ssl.truststore.type", "PEM", "ssl.truststore.certificates", caCertificatePem);
    }
    return Map.of(
        "ssl.truststore.type", "PEM",
        "ssl.truststore.certificates", caCertificatePem,
        "ssl.keystore.type", "PEM",
        "ssl.keystore.certificate.chain", clientCertificatePem,
        "ssl.keystore.key", clientPrivateKeyPem);
  }

  @Override
  public String toString() {
    return "TlsMaterial{directory=" + directory + "}";
  }
}
