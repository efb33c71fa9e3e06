package dev.gregor.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaExtension;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.Listener;
import org.junit.jupiter.api.Test;

/** The README's admin and security example, line for line except the address, CA file and password; keep them in step. */
@EmbeddedKafkaTest
class ReadmeAdminExampleTest {

  @Test
  void theReadmeAdminAndSecurityExampleRuns(EmbeddedKafka embedded) {
    long lag;
    try (Gregor kafka = Gregor.connect(Config.builder()
        .seedBrokers(embedded.bootstrapServers(Listener.SASL_SSL))
        .ssl(s -> s.caCertificateFile(embedded.tls().caCertificateFile()))                // TLS with your CA
        .sasl(Sasl.scramSha512(EmbeddedKafkaExtension.USER, EmbeddedKafkaExtension.PASSWORD)) // SASL/SCRAM over it
        .build())) {
      kafka.topics().create("orders", t -> t.partitions(3).config("retention.ms", "86400000"));
      kafka.topics().alterConfigs("orders", ConfigChanges.set("retention.ms", "3600000"));
      kafka.groups().resetOffsets("billing", "orders", OffsetReset.toEarliest());  // refused while the group is active
      lag = kafka.groups().describe("billing").totalLag();
    }

    assertThat(lag).isZero();
  }
}
