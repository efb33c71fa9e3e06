package dev.gregor.client;

import dev.gregor.client.internal.security.PemFiles;
import dev.gregor.client.internal.security.SslChecks;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * TLS settings (ruby-kafka "Encryption and Authentication using SSL"): whom to trust, which
 * client certificate to present, and hostname verification (on by default). Set through
 * {@code Config.builder().ssl(s -> s.caCertificate(pem))}; every file is read and every PEM,
 * key and store is checked when the config is built. {@code toString()} never shows keys or passwords.
 */
public final class Ssl {
  private final @Nullable String caCertificatesPem;
  private final boolean systemTrustStore;
  private final @Nullable String clientCertificatePem;
  private final @Nullable String clientKeyPem;
  private final @Nullable String clientKeyPassword;
  private final @Nullable Store keyStore;
  private final @Nullable Store trustStore;
  private final boolean hostnameVerification;

  private Ssl(Builder b, @Nullable String caCertificatesPem, @Nullable String clientCertificatePem,
      @Nullable String clientKeyPem) {
    this.caCertificatesPem = caCertificatesPem;
    this.systemTrustStore = b.systemTrustStore;
    this.clientCertificatePem = clientCertificatePem;
    this.clientKeyPem = clientKeyPem;
    this.clientKeyPassword = b.clientKeyPassword;
    this.keyStore = b.keyStore;
    this.trustStore = b.trustStore;
    this.hostnameVerification = b.hostnameVerification;
  }

  /** The trusted CA certificates in PEM, or null. */
  public @Nullable String caCertificatesPem() {
    return caCertificatesPem;
  }

  /** Whether the JVM's default trust store (the system's CAs) is trusted. */
  public boolean systemTrustStore() {
    return systemTrustStore;
  }

  /** The client certificate chain in PEM, for mutual TLS; null without one. */
  public @Nullable String clientCertificatePem() {
    return clientCertificatePem;
  }

  /** The client's private key in PEM; null without one. */
  public @Nullable String clientKeyPem() {
    return clientKeyPem;
  }

  /** The password of an encrypted client key; null if it is not encrypted. */
  public @Nullable String clientKeyPassword() {
    return clientKeyPassword;
  }

  /** Presents the client certificate in a JKS or PKCS12 key store. */
  public @Nullable Store keyStore() {
    return keyStore;
  }

  /** Trusts the CA certificates in a JKS or PKCS12 trust store. */
  public @Nullable Store trustStore() {
    return trustStore;
  }

  /** Whether the broker's certificate must name the host connected to (default true; turn off only for tests). */
  public boolean hostnameVerification() {
    return hostnameVerification;
  }

  @Override
  public String toString() {
    return "Ssl{ca=" + (caCertificatesPem != null) + ", systemTrustStore=" + systemTrustStore
        + ", clientCertificate=" + (clientCertificatePem != null || keyStore != null)
        + ", hostnameVerification=" + hostnameVerification + "}";
  }

  /** A JKS or PKCS12 key or trust store file, with its type found when the config is built. */
  public record Store(Path path, @Nullable String password, @Nullable String type) {
    @Override
    public String toString() {
      return "Store{" + path + ", " + type + "}";
    }
  }

  /** Collects TLS settings; {@link Config.Builder#build()} checks them. */
  public static final class Builder {
    private @Nullable String caPem;
    private @Nullable Path caFile;
    private boolean systemTrustStore;
    private @Nullable String clientCertificatePem;
    private @Nullable String clientKeyPem;
    private @Nullable Path clientCertificateFile;
    private @Nullable Path clientKeyFile;
    private @Nullable String clientKeyPassword;
    private @Nullable Store keyStore;
    private @Nullable Store trustStore;
    private boolean hostnameVerification = true;

    Builder() {}

    /** Trusts the CA certificate(s) in this PEM text (ruby-kafka {@code ssl_ca_cert}). */
    public Builder caCertificate(String pem) {
      this.caPem = Objects.requireNonNull(pem, "caCertificate");
      return this;
    }

    /** Trusts the CA certificate(s) in this PEM file. */
    public Builder caCertificateFile(Path file) {
      this.caFile = Objects.requireNonNull(file, "caCertificateFile");
      return this;
    }

    /** Trusts the system's CAs, the JVM's default trust store (ruby-kafka {@code ssl_ca_certs_from_system}); combinable with a CA. */
    public Builder caCertificatesFromSystem() {
      this.systemTrustStore = true;
      return this;
    }

    /** Presents this client certificate and unencrypted PKCS#8 key, both PEM, for mutual TLS. */
    public Builder clientCertificate(String certificatePem, String keyPem) {
      return clientCertificate(certificatePem, keyPem, null);
    }

    /** Presents this client certificate and key; {@code keyPassword} decrypts an encrypted PKCS#8 key. */
    public Builder clientCertificate(String certificatePem, String keyPem, @Nullable String keyPassword) {
      this.clientCertificatePem = Objects.requireNonNull(certificatePem, "client certificate");
      this.clientKeyPem = Objects.requireNonNull(keyPem, "client key");
      this.clientKeyPassword = keyPassword;
      return this;
    }

    /** Presents the client certificate and key read from PEM files. */
    public Builder clientCertificateFiles(Path certificate, Path key, @Nullable String keyPassword) {
      this.clientCertificateFile = Objects.requireNonNull(certificate, "client certificate file");
      this.clientKeyFile = Objects.requireNonNull(key, "client key file");
      this.clientKeyPassword = keyPassword;
      return this;
    }

    /** Presents the client certificate in a JKS or PKCS12 key store. */
    public Builder keyStore(Path file, @Nullable String password) {
      this.keyStore = new Store(Objects.requireNonNull(file, "keyStore"), password, null);
      return this;
    }

    /** Trusts the CA certificates in a JKS or PKCS12 trust store. */
    public Builder trustStore(Path file, @Nullable String password) {
      this.trustStore = new Store(Objects.requireNonNull(file, "trustStore"), password, null);
      return this;
    }

    /** Whether the broker's certificate must name the host connected to (default true; turn off only for tests). */
    public Builder hostnameVerification(boolean verify) {
      this.hostnameVerification = verify;
      return this;
    }

    /** Reads the files and checks every PEM, key and store, naming the setting at fault. */
    Ssl build() {
      String ca = caFile != null ? PemFiles.read("caCertificateFile", caFile) : caPem;
      String certificate = clientCertificateFile != null ? PemFiles.read("clientCertificateFiles", clientCertificateFile)
          : clientCertificatePem;
      String key = clientKeyFile != null ? PemFiles.read("clientCertificateFiles", clientKeyFile) : clientKeyPem;
      if (ca != null && trustStore != null) {
        throw new IllegalArgumentException("ssl: give the CA either as caCertificate or as trustStore, not both");
      }
      if (certificate != null && keyStore != null) {
        throw new IllegalArgumentException("ssl: give the client certificate either as PEM or as keyStore, not both");
      }
      if (ca != null) {
        SslChecks.certificates("caCertificate", ca);
      }
      if (certificate != null) {
        SslChecks.keyMatchesCertificate(certificate, key, clientKeyPassword);
      }
      keyStore = keyStore == null ? null : SslChecks.store("keyStore", keyStore);
      trustStore = trustStore == null ? null : SslChecks.store("trustStore", trustStore);
      return new Ssl(this, ca, certificate, key);
    }
  }
}
