package dev.gregor.client.internal.security;

import dev.gregor.client.Ssl;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/** Checks PEM certificates, client keys and key stores when the config is built, not at the first connection. */
public final class SslChecks {
  private SslChecks() {}

  /** The X.509 certificates in {@code pem}; {@link IllegalArgumentException} naming {@code setting} if there are none. */
  public static List<X509Certificate> certificates(String setting, String pem) {
    if (!pem.contains("-----BEGIN CERTIFICATE-----")) {
      throw new IllegalArgumentException("ssl " + setting + " is not a PEM certificate: no '-----BEGIN CERTIFICATE-----' line");
    }
    try {
      List<X509Certificate> certificates = new ArrayList<>();
      for (Certificate c : CertificateFactory.getInstance("X.509")
          .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
        certificates.add((X509Certificate) c);
      }
      if (certificates.isEmpty()) {
        throw new IllegalArgumentException("ssl " + setting + " contains no certificate");
      }
      return certificates;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("ssl " + setting + " is a malformed PEM certificate: " + e.getMessage(), e);
    }
  }

  /** Refuses a client key that cannot be read or that does not belong to the client certificate. */
  public static void keyMatchesCertificate(String certificatePem, String keyPem, String keyPassword) {
    X509Certificate certificate = certificates("clientCertificate", certificatePem).get(0);
    PrivateKey key = PrivateKeys.parse(keyPem, keyPassword);
    try {
      String algorithm = signatureAlgorithm(key);
      byte[] probe = "gregor".getBytes(StandardCharsets.US_ASCII);
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(probe);
      if (!verifier.verify(signature)) {
        throw mismatch(certificate);
      }
    } catch (GeneralSecurityException e) {
      throw mismatch(certificate);
    }
  }

  /** The store with its type (JKS or PKCS12) found from the file, after checking that the password opens it. */
  public static Ssl.Store store(String setting, Ssl.Store store) {
    if (!Files.isRegularFile(store.path())) {
      throw new IllegalArgumentException("ssl " + setting + ": file " + store.path() + " does not exist");
    }
    try (InputStream in = Files.newInputStream(store.path())) {
      byte[] bytes = in.readAllBytes();
      boolean jks = bytes.length >= 4 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xED
          && (bytes[2] & 0xff) == 0xFE && (bytes[3] & 0xff) == 0xED;
      String type = jks ? "JKS" : "PKCS12";
      KeyStore.getInstance(type).load(new ByteArrayInputStream(bytes),
          store.password() == null ? null : store.password().toCharArray());
      return new Ssl.Store(store.path(), store.password(), type);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("ssl " + setting + " " + store.path()
          + " could not be opened as a JKS or PKCS12 store: wrong password, or not a key store", e);
    }
  }

  private static String signatureAlgorithm(PrivateKey key) {
    switch (key.getAlgorithm()) {
      case "RSA":
        return "SHA256withRSA";
      case "EC":
        return "SHA256withECDSA";
      case "DSA":
        return "SHA256withDSA";
      default:
        return key.getAlgorithm(); // Ed25519, Ed448, EdDSA sign under their own names
    }
  }

  private static IllegalArgumentException mismatch(X509Certificate certificate) {
    return new IllegalArgumentException("ssl client key does not match the client certificate for "
        + certificate.getSubjectX500Principal().getName() + "; give the key that was issued with this certificate");
  }
}
