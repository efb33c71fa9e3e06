package dev.gregor.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@EmbeddedKafkaTest
class ListenerRoundTripTest {

  static Stream<Arguments> clientConfigs() {
    EmbeddedKafka kafka = new EmbeddedKafkaExtension().kafka();
    String user = EmbeddedKafkaExtension.USER;
    return Stream.of(
        Arguments.of("PLAINTEXT", kafka.clientConfig()),
        Arguments.of("SASL PLAIN", kafka.clientConfig(SaslMechanism.PLAIN, user)),
        Arguments.of("SASL SCRAM-SHA-256", kafka.clientConfig(SaslMechanism.SCRAM_SHA_256, user)),
        Arguments.of("SASL SCRAM-SHA-512", kafka.clientConfig(SaslMechanism.SCRAM_SHA_512, user)),
        Arguments.of("SASL OAUTHBEARER", kafka.clientConfig(SaslMechanism.OAUTHBEARER, user)),
        Arguments.of("SSL", kafka.clientConfig(Listener.SSL)),
        Arguments.of("mutual TLS", kafka.clientConfig(Listener.MTLS)),
        Arguments.of("SASL PLAIN over TLS", kafka.clientConfig(Listener.SASL_SSL)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clientConfigs")
  void producedRecordIsConsumedThroughEveryListener(String listener, Map<String, Object> config, TestTopics topics)
      throws Exception {
    String topic = topics.create(1);

    RoundTrip.produce(config, topic, "hello over " + listener);

    assertThat(RoundTrip.consume(config, topic, 1)).containsExactly("hello over " + listener);
  }
}
