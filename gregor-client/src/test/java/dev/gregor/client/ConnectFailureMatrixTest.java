package dev.gregor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaExtension;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.Listener;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The matrix: mechanism x wrong credentials x wrong protocol. Every wrong case fails with
 * ConnectionFailed naming the likely cause, within the default 10 s connect timeout; the time to
 * failure is printed (measured, not asserted beyond that bound).
 */
@EmbeddedKafkaTest
class ConnectFailureMatrixTest {
  private static final String USER = EmbeddedKafkaExtension.USER;
  private static final String WRONG = "not-the-password";

  static Stream<Arguments> wrongCases() {
    return Stream.of(
        wrong("PLAINTEXT client on the SSL port", k -> plain(k, Listener.SSL), "speaks TLS"),
        wrong("PLAINTEXT client on the SASL_SSL port", k -> plain(k, Listener.SASL_SSL), "speaks TLS"),
        wrong("PLAINTEXT client on the SASL_PLAINTEXT port", k -> plain(k, Listener.SASL_PLAINTEXT), "SASL"),
        wrong("SSL client on the PLAINTEXT port", k -> tls(k, Listener.PLAINTEXT), "does not speak TLS"),
        wrong("SSL client without the CA (system trust store only)", k -> Config.builder()
            .seedBrokers(k.bootstrapServers(Listener.SSL)).ssl(s -> s.caCertificatesFromSystem()), "not trusted"),
        wrong("SSL client without a certificate on the mTLS port", k -> tls(k, Listener.MTLS), "client certificate"),
        wrong("SASL_SSL PLAIN client on the SASL_PLAINTEXT port", k -> tls(k, Listener.SASL_PLAINTEXT)
            .sasl(Sasl.plain(USER, EmbeddedKafkaExtension.PASSWORD)), "does not speak TLS"),
        wrong("SASL_PLAINTEXT client on the SASL_SSL port", k -> plain(k, Listener.SASL_SSL)
            .sasl(Sasl.plain(USER, EmbeddedKafkaExtension.PASSWORD)).saslOverSsl(false), "speaks TLS"),
        wrong("SASL client on the PLAINTEXT port", k -> plain(k, Listener.PLAINTEXT)
            .sasl(Sasl.plain(USER, EmbeddedKafkaExtension.PASSWORD)).saslOverSsl(false), "does not expect SASL"),
        wrong("SASL client on the SSL port", k -> tls(k, Listener.SSL)
            .sasl(Sasl.plain(USER, EmbeddedKafkaExtension.PASSWORD)), "does not expect SASL"),
        wrong("PLAIN with a wrong password", k -> tls(k, Listener.SASL_SSL).sasl(Sasl.plain(USER, WRONG)), "wrong user name or password"),
        wrong("SCRAM-SHA-256 with a wrong password", k -> tls(k, Listener.SASL_SSL).sasl(Sasl.scramSha256(USER, WRONG)),
            "wrong user name or password"),
        wrong("SCRAM-SHA-512 with a wrong password", k -> tls(k, Listener.SASL_SSL).sasl(Sasl.scramSha512(USER, WRONG)),
            "wrong user name or password"),
        wrong("SCRAM-SHA-512 with an unknown user", k -> tls(k, Listener.SASL_SSL).sasl(Sasl.scramSha512("mallory", WRONG)),
            "wrong user name or password"),
        wrong("OAUTHBEARER with an expired token", k -> tls(k, Listener.SASL_SSL).sasl(Sasl.oauthBearer(() -> OAuthToken.of(
            TestCredentials.unsecuredJwt(USER, Duration.ofSeconds(-60)), Instant.now().plusSeconds(60)))), "token"),
        wrong("unreachable broker (nothing listens on the port)", k -> Config.builder().seedBrokers("localhost:" + closedPort()),
            "no seed broker accepted a TCP connection"),
        wrong("OAUTHBEARER whose token provider throws", k -> tls(k, Listener.SASL_SSL).sasl(Sasl.oauthBearer(() -> {
          throw new IllegalStateException("identity provider is down");
        })), "identity provider is down"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wrongCases")
  void aWrongCaseFailsFastNamingTheCause(String name, Function<EmbeddedKafka, Config.Builder> config, String cause,
      EmbeddedKafka kafka) {
    Config built = config.apply(kafka).build();
    long start = System.nanoTime();

    Throwable failure = catchThrowable(() -> Gregor.connect(built).close());

    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf("MATRIX | %-55s | %6d ms | %s%n", name, millis, failure == null ? "connected!" : failure.getMessage());
    assertThat(failure).isInstanceOf(ConnectionFailed.class).hasMessageContaining(cause);
    assertThat(Duration.ofMillis(millis)).isLessThanOrEqualTo(built.connectTimeout().plusSeconds(1));
  }

  private static int closedPort() {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Arguments wrong(String name, Function<EmbeddedKafka, Config.Builder> config, String cause) {
    return Arguments.of(name, config, cause);
  }

  private static Config.Builder plain(EmbeddedKafka kafka, Listener listener) {
    return Config.builder().seedBrokers(kafka.bootstrapServers(listener));
  }

  private static Config.Builder tls(EmbeddedKafka kafka, Listener listener) {
    return Config.builder().seedBrokers(kafka.bootstrapServers(listener)).ssl(s -> s.caCertificate(kafka.tls().caCertificatePem()));
  }
}
