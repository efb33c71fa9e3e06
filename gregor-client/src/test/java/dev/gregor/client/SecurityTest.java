package dev.gregor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaExtension;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.Listener;
import dev.gregor.embedded.TestTopics;
import dev.gregor.embedded.TlsMaterial;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// ruby-kafka: "Security"; every mode is used by a producer, a consumer and the admin client.
@EmbeddedKafkaTest
class SecurityTest {
  private static final String USER = EmbeddedKafkaExtension.USER;
  private static final String PASSWORD = EmbeddedKafkaExtension.PASSWORD;

  @Test
  void tlsWithTheCaAsAPemString(EmbeddedKafka kafka, TestTopics topics) {
    roundTrip(Config.builder().seedBrokers(kafka.bootstrapServers(Listener.SSL))
        .ssl(s -> s.caCertificate(kafka.tls().caCertificatePem())), topics);
  }

  @Test
  void tlsWithTheCaFromAFileTogetherWithTheSystemTrustStore(EmbeddedKafka kafka, TestTopics topics) {
    roundTrip(Config.builder().seedBrokers(kafka.bootstrapServers(Listener.SSL))
        .ssl(s -> s.caCertificateFile(kafka.tls().caCertificateFile()).caCertificatesFromSystem()), topics);
  }

  @Test
  void mutualTlsWithAPemCertificateAndKey(EmbeddedKafka kafka, TestTopics topics) {
    TlsMaterial tls = kafka.tls();
    roundTrip(Config.builder().seedBrokers(kafka.bootstrapServers(Listener.MTLS))
        .ssl(s -> s.caCertificate(tls.caCertificatePem()).clientCertificate(tls.clientCertificatePem(), tls.clientPrivateKeyPem())),
        topics);
  }

  @Test
  void mutualTlsWithAPasswordProtectedKey(EmbeddedKafka kafka, TestTopics topics) throws Exception {
    TlsMaterial tls = kafka.tls();
    String encryptedKey = TestCredentials.encrypted(tls.clientPrivateKeyPem(), "key-secret");
    roundTrip(Config.builder().seedBrokers(kafka.bootstrapServers(Listener.MTLS))
        .ssl(s -> s.caCertificate(tls.caCertificatePem()).clientCertificate(tls.clientCertificatePem(), encryptedKey, "key-secret")),
        topics);
  }

  @Test
  void mutualTlsWithCertificateAndKeyFiles(EmbeddedKafka kafka, TestTopics topics) {
    TlsMaterial tls = kafka.tls();
    roundTrip(Config.builder().seedBrokers(kafka.bootstrapServers(Listener.MTLS))
        .ssl(s -> s.caCertificateFile(tls.caCertificateFile())
            .clientCertificateFiles(tls.clientCertificateFile(), tls.clientPrivateKeyFile(), null)), topics);
  }

  @Test
  void mutualTlsWithAPkcs12KeyStoreAndAJksTrustStore(EmbeddedKafka kafka, TestTopics topics, @TempDir Path dir)
      throws Exception {
    TlsMaterial tls = kafka.tls();
    Path keyStore = TestCredentials.pkcs12KeyStore(dir, tls.clientCertificatePem(), tls.clientPrivateKeyPem(), "store-secret");
    Path trustStore = TestCredentials.jksTrustStore(dir, tls.caCertificatePem(), "trust-secret");
    roundTrip(Config.builder().seedBrokers(kafka.bootstrapServers(Listener.MTLS))
        .ssl(s -> s.keyStore(keyStore, "store-secret").trustStore(trustStore, "trust-secret")), topics);
  }

  @Test
  void saslPlainOverTls(EmbeddedKafka kafka, TestTopics topics) {
    roundTrip(overTls(kafka).sasl(Sasl.plain(USER, PASSWORD)), topics);
  }

  @Test
  void saslScramSha256OverTls(EmbeddedKafka kafka, TestTopics topics) {
    roundTrip(overTls(kafka).sasl(Sasl.scramSha256(USER, PASSWORD)), topics);
  }

  @Test
  void saslScramSha512OverTls(EmbeddedKafka kafka, TestTopics topics) {
    roundTrip(overTls(kafka).sasl(Sasl.scramSha512(USER, PASSWORD)), topics);
  }

  @Test
  void saslWithoutTlsWorksOnlyWhenAllowed(EmbeddedKafka kafka, TestTopics topics) {
    roundTrip(Config.builder().seedBrokers(kafka.bootstrapServers(Listener.SASL_PLAINTEXT))
        .sasl(Sasl.scramSha512(USER, PASSWORD)).saslOverSsl(false), topics);
  }

  @Test
  void oauthBearerUsesTheProvidersTokenWithItsExtensions(EmbeddedKafka kafka, TestTopics topics) {
    AtomicInteger calls = new AtomicInteger();
    Sasl sasl = Sasl.oauthBearer(() -> {
      calls.incrementAndGet();
      return OAuthToken.of(TestCredentials.unsecuredJwt(USER, Duration.ofHours(1)), Instant.now().plus(Duration.ofHours(1)))
          .withExtensions(Map.of("traceId", "abc"));
    });

    roundTrip(overTls(kafka).sasl(sasl), topics);

    assertThat(calls.get()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void oauthBearerAsksTheProviderForANewTokenBeforeTheOldOneExpires(EmbeddedKafka kafka) {
    AtomicInteger calls = new AtomicInteger();
    Sasl sasl = Sasl.oauthBearer(() -> {
      calls.incrementAndGet();
      return OAuthToken.of(TestCredentials.unsecuredJwt(USER, Duration.ofSeconds(3)), Instant.now().plusSeconds(3));
    });
    // kafka-clients refreshes at 80 % of the lifetime, but not sooner than a minute unless told otherwise.
    Config config = overTls(kafka).sasl(sasl)
        .property("sasl.login.refresh.min.period.seconds", "1")
        .property("sasl.login.refresh.buffer.seconds", "0")
        .build();

    try (Gregor gregor = Gregor.connect(config)) {
      assertThat(gregor.cluster().clusterId()).isEqualTo(kafka.clusterId()); // a client that stays open keeps its login
      int atLogin = calls.get();

      await().atMost(Duration.ofSeconds(20)).until(() -> calls.get() > atLogin);
      assertThat(gregor.topics().list()).isNotNull();
    }
  }

  private static Config.Builder overTls(EmbeddedKafka kafka) {
    return Config.builder().seedBrokers(kafka.bootstrapServers(Listener.SASL_SSL))
        .ssl(s -> s.caCertificate(kafka.tls().caCertificatePem()));
  }

  /** Admin creates a topic, the producer writes to it and a group-less consumer reads it back. */
  private static void roundTrip(Config.Builder config, TestTopics topics) {
    try (Gregor gregor = Gregor.connect(config.build())) {
      String topic = topics.next();
      gregor.topics().create(topic, t -> t.partitions(1));
      gregor.deliverMessage(topic, "secret message");
      assertThat(gregor.fetch(topic, 0, Offset.EARLIEST).messages()).extracting(Message::valueAsString)
          .containsExactly("secret message");
    }
  }
}
