package dev.gregor.client.internal.security;

import dev.gregor.client.Config;
import dev.gregor.client.Sasl;
import dev.gregor.client.Ssl;
import java.util.Map;

/** Translates a config's {@link Ssl} and {@link Sasl} settings into kafka-clients properties, the same for every client. */
public final class SecurityProperties {
  private SecurityProperties() {}

  public static void apply(Config config, Map<String, Object> p) {
    boolean tls = config.ssl();
    Sasl sasl = config.sasl();
    if (sasl != null) {
      p.put("security.protocol", tls ? "SASL_SSL" : "SASL_PLAINTEXT");
      sasl(sasl, p);
    } else if (tls) {
      p.put("security.protocol", "SSL");
    }
    if (tls && config.sslSettings() != null) {
      ssl(config.sslSettings(), p);
    }
  }

  private static void ssl(Ssl ssl, Map<String, Object> p) {
    String ca = ssl.caCertificatesPem();
    if (ca != null) {
      p.put("ssl.truststore.type", "PEM");
      p.put("ssl.truststore.certificates", ssl.systemTrustStore() ? ca + "\n" + SystemCertificates.pem() : ca);
    } else if (ssl.trustStore() != null) {
      p.put("ssl.truststore.type", ssl.trustStore().type());
      p.put("ssl.truststore.location", ssl.trustStore().path().toString());
      if (ssl.trustStore().password() != null) {
        p.put("ssl.truststore.password", ssl.trustStore().password());
      }
    }
    if (ssl.clientCertificatePem() != null) {
      p.put("ssl.keystore.type", "PEM");
      p.put("ssl.keystore.certificate.chain", ssl.clientCertificatePem());
      p.put("ssl.keystore.key", ssl.clientKeyPem());
      if (ssl.clientKeyPassword() != null) {
        p.put("ssl.key.password", ssl.clientKeyPassword());
      }
    } else if (ssl.keyStore() != null) {
      p.put("ssl.keystore.type", ssl.keyStore().type());
      p.put("ssl.keystore.location", ssl.keyStore().path().toString());
      if (ssl.keyStore().password() != null) {
        p.put("ssl.keystore.password", ssl.keyStore().password());
        p.put("ssl.key.password", ssl.keyStore().password());
      }
    }
    p.put("ssl.endpoint.identification.algorithm", ssl.hostnameVerification() ? "https" : "");
  }

  private static void sasl(Sasl sasl, Map<String, Object> p) {
    p.put("sasl.mechanism", sasl.mechanism().kafkaName());
    switch (sasl.mechanism()) {
      case PLAIN -> p.put("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username="
          + quoted(sasl.username()) + " password=" + quoted(sasl.password()) + ";");
      case SCRAM_SHA_256, SCRAM_SHA_512 -> p.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule "
          + "required username=" + quoted(sasl.username()) + " password=" + quoted(sasl.password()) + ";");
      case OAUTHBEARER -> {
        p.put("sasl.jaas.config", "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required "
            + OAuthTokenLogin.PROVIDER_OPTION + "=" + quoted(TokenProviders.idOf(sasl.tokenProvider())) + ";");
        p.put("sasl.login.callback.handler.class", OAuthTokenLogin.class.getName());
      }
      case GSSAPI -> {
        p.put("sasl.kerberos.service.name", sasl.serviceName());
        p.put("sasl.jaas.config", "com.sun.security.auth.module.Krb5LoginModule required useKeyTab=true storeKey=true "
            + "useTicketCache=false keyTab=" + quoted(sasl.keytab().toAbsolutePath().toString()) + " principal="
            + quoted(sasl.username()) + ";");
      }
      default -> throw new IllegalArgumentException("unknown SASL mechanism " + sasl.mechanism());
    }
  }

  private static String quoted(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
