package dev.gregor.embedded;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.junit.jupiter.api.Test;

@EmbeddedKafkaTest
class AuthenticationFailureTest {

  @Test
  void wrongPlainPasswordFailsWithAuthenticationError(EmbeddedKafka kafka) {
    Map<String, Object> config = kafka.clientConfig(SaslMechanism.PLAIN, EmbeddedKafkaExtension.USER);
    config.put("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required "
        + "username=\"gregor\" password=\"not-the-password\";");

    assertThatThrownBy(() -> clusterId(config))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(SaslAuthenticationException.class);
  }

  @Test
  void wrongScramPasswordFailsWithAuthenticationError(EmbeddedKafka kafka) {
    Map<String, Object> config = kafka.clientConfig(SaslMechanism.SCRAM_SHA_512, EmbeddedKafkaExtension.USER);
    config.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
        + "username=\"gregor\" password=\"not-the-password\";");

    assertThatThrownBy(() -> clusterId(config))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(SaslAuthenticationException.class);
  }

  @Test
  void unknownScramUserFailsWithAuthenticationError(EmbeddedKafka kafka) {
    Map<String, Object> config = kafka.clientConfig(SaslMechanism.SCRAM_SHA_256, EmbeddedKafkaExtension.USER);
    config.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
        + "username=\"mallory\" password=\"gregor-secret\";");

    assertThatThrownBy(() -> clusterId(config))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(SaslAuthenticationException.class);
  }

  @Test
  void brokerCertificateNotTrustedBySystemCasFailsWithSslError(EmbeddedKafka kafka) {
    Map<String, Object> config = new HashMap<>();
    config.put("bootstrap.servers", kafka.bootstrapServers(Listener.SSL));
    config.put("security.protocol", "SSL");

    assertThatThrownBy(() -> clusterId(config))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(SslAuthenticationException.class);
  }

  @Test
  void mutualTlsWithoutClientCertificateFailsWithSslError(EmbeddedKafka kafka) {
    Map<String, Object> config = new HashMap<>(kafka.clientConfig(Listener.SSL));
    config.put("bootstrap.servers", kafka.bootstrapServers(Listener.MTLS));

    assertThatThrownBy(() -> clusterId(config))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(SslAuthenticationException.class);
  }

  private static String clusterId(Map<String, Object> config) throws Exception {
    Map<String, Object> bounded = new HashMap<>(config);
    bounded.put("default.api.timeout.ms", 20_000);
    bounded.put("request.timeout.ms", 10_000);
    try (Admin admin = Admin.create(bounded)) {
      return admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS);
    }
  }
}
