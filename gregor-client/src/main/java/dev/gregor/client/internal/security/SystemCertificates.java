package dev.gregor.client.internal.security;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Base64;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The JVM's default trusted CAs as PEM, so that a user's CA and the system's can be trusted
 * together: kafka-clients takes a single trust store.
 */
final class SystemCertificates {
  private static volatile String pem;

  private SystemCertificates() {}

  static String pem() {
    if (pem == null) {
      pem = load();
    }
    return pem;
  }

  private static String load() {
    try {
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init((KeyStore) null);
      StringBuilder out = new StringBuilder();
      Base64.Encoder encoder = Base64.getMimeEncoder(64, new byte[] {'\n'});
      for (TrustManager manager : factory.getTrustManagers()) {
        if (manager instanceof X509TrustManager x509) {
          for (X509Certificate certificate : x509.getAcceptedIssuers()) {
            out.append("-----BEGIN CERTIFICATE-----\n").append(encoder.encodeToString(certificate.getEncoded()))
                .append("\n-----END CERTIFICATE-----\n");
          }
        }
      }
      return out.toString();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("could not read the JVM's default trust store: " + e.getMessage(), e);
    }
  }
}
