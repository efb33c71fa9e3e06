package dev.gregor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.Listener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A broker of its own with ACLs and a create-topic policy, to see how refusals reach the user. */
class AdminRefusalsTest {
  private static EmbeddedKafka kafka;

  @BeforeAll
  static void startBrokerWithAclsAndPolicy() {
    kafka = EmbeddedKafka.builder()
        .listeners(Listener.SASL_PLAINTEXT)
        .user("alice", "alice-secret")
        .brokerConfig("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
        .brokerConfig("super.users", "User:ANONYMOUS") // the PLAINTEXT listener, used between broker and controller
        .brokerConfig("create.topic.policy.class.name", RefusingTopicPolicy.class.getName())
        .start();
  }

  @AfterAll
  static void stopBroker() {
    kafka.close();
  }

  @Test
  void aTopicThePolicyRefusesFailsWithPolicyViolationNamingItAndTheReason() {
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers())) {
      assertThatThrownBy(() -> gregor.topics().create("forbidden-orders"))
          .isInstanceOfSatisfying(PolicyViolation.class, e -> assertThat(e.resource()).isEqualTo("forbidden-orders"))
          .hasMessageContaining("create topic 'forbidden-orders'")
          .hasMessageContaining("not allowed here");
    }
  }

  @Test
  void aUserWithoutAclsGetsNotAuthorizedNamingTheTopicOrGroup() {
    Config alice = Config.builder().seedBrokers(kafka.bootstrapServers(Listener.SASL_PLAINTEXT))
        .property("security.protocol", "SASL_PLAINTEXT")
        .property("sasl.mechanism", "PLAIN")
        .property("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required "
            + "username=\"alice\" password=\"alice-secret\";")
        .build();
    try (Gregor gregor = Gregor.connect(alice)) {
      assertThatThrownBy(() -> gregor.topics().create("orders"))
          .isInstanceOfSatisfying(NotAuthorized.class, e -> assertThat(e.resource()).isEqualTo("topic 'orders'"))
          .hasMessageContaining("create topic 'orders'")
          .hasMessageContaining("ACL");
      assertThatThrownBy(() -> gregor.groups().describe("billing"))
          .isInstanceOfSatisfying(NotAuthorized.class, e -> assertThat(e.resource()).isEqualTo("group 'billing'"));
    }
  }
}
