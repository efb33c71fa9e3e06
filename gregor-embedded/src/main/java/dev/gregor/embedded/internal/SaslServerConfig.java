package dev.gregor.embedded.internal;

import dev.gregor.embedded.Listener;
import dev.gregor.embedded.SaslMechanism;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Broker-side SASL settings for the SASL_PLAINTEXT and SASL_SSL listeners: PLAIN users live in the JAAS
 * config, SCRAM users are written into the cluster metadata when storage is formatted.
 */
public final class SaslServerConfig {
  private SaslServerConfig() {}

  static void apply(Map<String, String> p, Listener listener, Map<String, String> users) {
    String prefix = "listener.name." + listener.listenerName().toLowerCase(java.util.Locale.ROOT) + ".";
    p.put(prefix + "sasl.enabled.mechanisms", Arrays.stream(SaslMechanism.values())
        .map(SaslMechanism::mechanismName).collect(Collectors.joining(",")));
    p.put(prefix + "plain.sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required "
        + users.entrySet().stream()
            .map(u -> "user_" + u.getKey() + "=\"" + jaasEscape(u.getValue()) + "\"")
            .collect(Collectors.joining(" ")) + ";");
    p.put(prefix + "scram-sha-256.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;");
    p.put(prefix + "scram-sha-512.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;");
    // Without a server callback handler Kafka validates OAUTHBEARER tokens with its unsecured validator.
    p.put(prefix + "oauthbearer.sasl.jaas.config",
        "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required unsecuredLoginStringClaim_sub=\"broker\";");
  }

  /** Arguments for the storage formatter's {@code --add-scram}: every user, both SCRAM mechanisms. */
  public static List<String> scramArguments(Map<String, String> users) {
    return users.entrySet().stream()
        .flatMap(u -> List.of(SaslMechanism.SCRAM_SHA_256, SaslMechanism.SCRAM_SHA_512).stream()
            .map(m -> m.mechanismName() + "=[name=" + u.getKey() + ",password=\"" + u.getValue() + "\"]"))
        .collect(Collectors.toList());
  }

  /** The client-side {@code sasl.jaas.config} for one user and mechanism. */
  public static String clientJaasConfig(SaslMechanism mechanism, String user, String password) {
    switch (mechanism) {
      case PLAIN:
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + jaasEscape(user)
            + "\" password=\"" + jaasEscape(password) + "\";";
      case SCRAM_SHA_256:
      case SCRAM_SHA_512:
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + jaasEscape(user)
            + "\" password=\"" + jaasEscape(password) + "\";";
      case OAUTHBEARER:
        return "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required unsecuredLoginStringClaim_sub=\""
            + jaasEscape(user) + "\";";
      default:
        throw new IllegalArgumentException("Unknown SASL mechanism " + mechanism);
    }
  }

  private static String jaasEscape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
