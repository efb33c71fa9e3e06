package dev.gregor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gregor.client.internal.config.ClientProperties;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TlsMaterial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// Bad input: each mistake is refused when the config is built, naming the setting.
@EmbeddedKafkaTest
class SecuritySettingsTest {

  @Test
  void aMissingCertificateFileIsNamed(@TempDir Path dir) {
    Path missing = dir.resolve("nope.pem");

    assertThatThrownBy(() -> Config.builder().seedBrokers("k:9093").ssl(s -> s.caCertificateFile(missing)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("caCertificateFile")
        .hasMessageContaining(missing.toString());
  }

  @Test
  void aMalformedPemIsRefused() {
    assertThatThrownBy(() -> Config.builder().seedBrokers("k:9093").ssl(s -> s.caCertificate("not a certificate")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("caCertificate is not a PEM certificate");
    String broken = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n";
    assertThatThrownBy(() -> Config.builder().seedBrokers("k:9093").ssl(s -> s.caCertificate(broken)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("caCertificate is a malformed PEM certificate");
  }

  @Test
  void aKeyThatDoesNotMatchTheCertificateIsRefused(EmbeddedKafka kafka) {
    TlsMaterial tls = kafka.tls();

    assertThatThrownBy(() -> Config.builder().seedBrokers("k:9093")
        .ssl(s -> s.clientCertificate(tls.clientCertificatePem(), tls.brokerPrivateKeyPem())).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("client key does not match the client certificate");
  }

  @Test
  void anEncryptedKeyNeedsItsRightPassword(EmbeddedKafka kafka) throws Exception {
    TlsMaterial tls = kafka.tls();
    String encrypted = TestCredentials.encrypted(tls.clientPrivateKeyPem(), "right");

    assertThatThrownBy(() -> Config.builder().seedBrokers("k:9093")
        .ssl(s -> s.clientCertificate(tls.clientCertificatePem(), encrypted)).build())
        .hasMessageContaining("client key is encrypted; give its password");
    assertThatThrownBy(() -> Config.builder().seedBrokers("k:9093")
        .ssl(s -> s.clientCertificate(tls.clientCertificatePem(), encrypted, "wrong")).build())
        .hasMessageContaining("client key could not be decrypted");
  }

  @Test
  void aPkcs1KeyIsRefusedWithTheConversionCommand(EmbeddedKafka kafka) {
    String pkcs1 = "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n";

    assertThatThrownBy(() -> Config.builder().seedBrokers("k:9093")
        .ssl(s -> s.clientCertificate(kafka.tls().clientCertificatePem(), pkcs1)).build())
        .hasMessageContaining("openssl pkcs8 -topk8");
  }

  @Test
  void aKeyStoreWithTheWrongPasswordIsRefused(EmbeddedKafka kafka, @TempDir Path dir) throws Exception {
    TlsMaterial tls = kafka.tls();
    Path store = TestCredentials.pkcs12KeyStore(dir, tls.clientCertificatePem(), tls.clientPrivateKeyPem(), "right");

    assertThatThrownBy(() -> Config.builder().seedBrokers("k:9093").ssl(s -> s.keyStore(store, "wrong")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("keyStore " + store)
        .hasMessageContaining("wrong password");
  }

  @Test
  void saslWithoutTlsIsRefusedUnlessAllowed() {
    assertThatThrownBy(() -> Config.builder().seedBrokers("k:9092").sasl(Sasl.plain("u", "p")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("saslOverSsl(false)");
    assertThat(Config.builder().seedBrokers("k:9092").sasl(Sasl.plain("u", "p")).saslOverSsl(false).build().sasl()).isNotNull();
    assertThat(Config.builder().seedBrokers("kafka+ssl://k:9093").sasl(Sasl.plain("u", "p")).build().sasl()).isNotNull();
  }

  @Test
  void anUnknownSaslMechanismIsRefusedNamingTheKnownOnes() {
    assertThatThrownBy(() -> Config.builder().seedBrokers("k:9092").property("sasl.mechanism", "SCRAM-SHA-1").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'SCRAM-SHA-1'")
        .hasMessageContaining("SCRAM-SHA-512");
  }

  @Test
  void aMissingKeytabIsNamed(@TempDir Path dir) {
    assertThatThrownBy(() -> Sasl.gssapi("client@EXAMPLE.COM", dir.resolve("client.keytab")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("client.keytab");
  }

  @Test
  void credentialsNeverAppearInToString(EmbeddedKafka kafka) throws Exception {
    TlsMaterial tls = kafka.tls();
    String encrypted = TestCredentials.encrypted(tls.clientPrivateKeyPem(), "key-pass-42");
    OAuthToken token = OAuthToken.of("token-value-42", Instant.now().plusSeconds(60));
    Config config = Config.builder().seedBrokers("kafka+ssl://k:9093")
        .ssl(s -> s.caCertificate(tls.caCertificatePem()).clientCertificate(tls.clientCertificatePem(), encrypted, "key-pass-42"))
        .sasl(Sasl.scramSha512("alice", "sasl-pass-42"))
        .build();

    String shown = config + " " + config.sasl() + " " + config.sslSettings() + " " + token + " " + Sasl.oauthBearer(() -> token);

    assertThat(shown).contains("alice", "SCRAM-SHA-512").doesNotContain("key-pass-42", "sasl-pass-42", "token-value-42",
        "PRIVATE KEY");
  }

  @Test
  void everyPropertyCarryingASecretIsOneKafkaClientsHidesInItsLogs(EmbeddedKafka kafka, @TempDir Path dir) throws Exception {
    TlsMaterial tls = kafka.tls();
    Path trust = TestCredentials.jksTrustStore(dir, tls.caCertificatePem(), "trust-pass-42");
    String encrypted = TestCredentials.encrypted(tls.clientPrivateKeyPem(), "key-pass-42");
    Config config = Config.builder().seedBrokers("k:9093")
        .ssl(s -> s.trustStore(trust, "trust-pass-42").clientCertificate(tls.clientCertificatePem(), encrypted, "key-pass-42"))
        .sasl(Sasl.plain("alice", "sasl-pass-42"))
        .build();

    Map<String, Object> properties = ClientProperties.common(config);

    properties.forEach((name, value) -> {
      String text = String.valueOf(value);
      if (text.contains("pass-42") || text.contains("PRIVATE KEY")) {
        for (ConfigDef def : new ConfigDef[] {ProducerConfig.configDef(), ConsumerConfig.configDef(), AdminClientConfig.configDef()}) {
          assertThat(def.configKeys().get(name).type).as(name).isEqualTo(ConfigDef.Type.PASSWORD);
        }
      }
    });
    assertThat(properties).containsKeys("sasl.jaas.config", "ssl.keystore.key", "ssl.key.password", "ssl.truststore.password");
    assertThat(properties).containsEntry("ssl.endpoint.identification.algorithm", "https");
    assertThat(Files.exists(trust)).isTrue();
  }
}
