package dev.gregor.client.internal.connection;

import dev.gregor.client.Config;
import dev.gregor.client.Sasl;
import dev.gregor.client.internal.security.OAuthTokenLogin;
import org.apache.kafka.common.errors.IllegalSaslStateException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.UnsupportedSaslMechanismException;

/** Names the likely cause of a failed connection, from kafka-clients' error or from what the port turned out to speak. */
final class ConnectDiagnosis {
  private ConnectDiagnosis() {}

  /** Why a client speaking {@code protocol} cannot use a port of {@code kind}; null when they match. */
  static String mismatch(String protocol, ListenerKind kind) {
    if (!kind.reachable() || protocol.equals(kind.protocol())) {
      return null;
    }
    boolean clientTls = protocol.endsWith("SSL");
    boolean clientSasl = protocol.startsWith("SASL");
    if (kind.tls() && !clientTls) {
      return "the port speaks TLS" + (kind.sasl() ? " with SASL " + kind.mechanisms() : "") + " but this client uses "
          + protocol + "; configure ssl(...) or use a kafka+ssl:// seed broker";
    }
    if (!kind.tls() && clientTls) {
      return "the port does not speak TLS (it is a " + kind.protocol() + " listener) but this client uses " + protocol
          + "; connect to the TLS port, or remove ssl(...) and kafka+ssl://";
    }
    if (kind.sasl() && !clientSasl) {
      return "the port requires SASL authentication (it enables " + kind.mechanisms() + ") but this client uses "
          + protocol + "; configure sasl(...)";
    }
    if (!kind.sasl() && clientSasl) {
      return doesNotExpectSasl(kind.protocol());
    }
    return null;
  }

  /** The likely cause behind kafka-clients' {@code failure}. */
  static String of(Throwable failure, Config config, String protocol) {
    String text = chainText(failure);
    Sasl sasl = config.sasl();
    String mechanism = sasl != null ? sasl.mechanism().kafkaName() : String.valueOf(config.properties().get("sasl.mechanism"));
    if (failure instanceof SslAuthenticationException) {
      if (text.contains("PKIX") || text.contains("certification path")) {
        return "the broker's certificate is not trusted by this client; give its CA with ssl(s -> s.caCertificate(...)) "
            + "or add it to the system trust store (" + failure.getMessage() + ")";
      }
      if (text.contains("No subject alternative") || text.contains("No name matching")) {
        return "the broker's certificate does not name the host connected to; connect by a name in the certificate "
            + "(hostnameVerification(false) only for tests)";
      }
      if (text.contains("post-handshake") || text.contains("bad_certificate") || text.contains("certificate_required")) {
        return "the broker requires a client certificate (mutual TLS) and did not accept this client's; configure "
            + "ssl(s -> s.clientCertificate(...)) with a certificate its CA signed";
      }
      return "the TLS handshake failed: " + failure.getMessage();
    }
    if (failure instanceof SaslAuthenticationException) {
      if ("OAUTHBEARER".equals(mechanism)) {
        return "the broker refused the OAUTHBEARER token from the token provider (" + failure.getMessage() + ")";
      }
      String user = sasl != null && sasl.username() != null ? " for user '" + sasl.username() + "'" : "";
      return "SASL " + mechanism + " authentication failed" + user + ": wrong user name or password, or the user does "
          + "not exist (" + failure.getMessage() + ")";
    }
    if (failure instanceof IllegalSaslStateException) {
      return doesNotExpectSasl("PLAINTEXT or SSL");
    }
    if (failure instanceof UnsupportedSaslMechanismException) {
      return "the broker does not enable SASL " + mechanism + " on this listener (" + failure.getMessage() + ")";
    }
    return failure.getClass().getSimpleName() + ": " + failure.getMessage() + " (this client uses security.protocol="
        + protocol + ")";
  }

  /** Why creating the client failed before any connection: the login of OAUTHBEARER or GSSAPI. */
  static String ofLogin(Throwable failure, Config config) {
    Sasl sasl = config.sasl();
    String root = rootMessage(failure);
    if (sasl != null && sasl.mechanism() == Sasl.Mechanism.OAUTHBEARER) {
      Throwable provider = OAuthTokenLogin.lastFailure(sasl.tokenProvider());
      return provider != null ? "the OAUTHBEARER token provider threw " + provider
          : "the OAUTHBEARER login failed: " + root;
    }
    if (sasl != null && sasl.mechanism() == Sasl.Mechanism.GSSAPI) {
      return "the Kerberos login as '" + sasl.username() + "' with keytab " + sasl.keytab() + " failed: " + root;
    }
    return "the client could not be created: " + root;
  }

  private static String doesNotExpectSasl(String listener) {
    return "the port does not expect SASL (it is a " + listener + " listener) but this client authenticates with SASL; "
        + "remove sasl(...) or connect to the SASL port";
  }

  private static String rootMessage(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getMessage() != null ? cause.getMessage() : cause.toString();
  }

  private static String chainText(Throwable failure) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = failure; t != null && text.length() < 10_000; t = t.getCause() == t ? null : t.getCause()) {
      text.append(t.getMessage()).append(' ');
    }
    return text.toString();
  }
}
