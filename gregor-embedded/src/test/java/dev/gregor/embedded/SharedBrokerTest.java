package dev.gregor.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

@EmbeddedKafkaTest
class SharedBrokerTest {

  @Test
  void testTopicsHandsOutNamesNoOtherTestGets(TestTopics topics) {
    String first = topics.next();
    String second = topics.next();

    assertThat(first).startsWith("SharedBrokerTest.testTopicsHandsOutNamesNoOtherTestGets-");
    assertThat(second).isNotEqualTo(first);
  }

  @Test
  void injectedAdminSeesTopicsCreatedThroughTestTopics(Admin admin, TestTopics topics) throws Exception {
    String topic = topics.create(3);

    Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);

    assertThat(names).contains(topic);
    assertThat(admin.describeTopics(Set.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions())
        .hasSize(3);
  }

  @Test
  void everyTestClassGetsTheSameBroker(EmbeddedKafka kafka) {
    assertThat(kafka).isSameAs(new EmbeddedKafkaExtension().kafka());
  }

  @Test
  void creatingAnExistingTopicNamesIt(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);

    assertThatThrownBy(() -> kafka.createTopic(topic, 1, 1))
        .isInstanceOf(EmbeddedKafkaException.class)
        .hasMessageContaining("Could not create topic '" + topic + "'")
        .hasMessageContaining("already exists");
  }

  @Test
  void listenerThatIsNotOpenIsNamedInTheError() {
    try (EmbeddedKafka plain = EmbeddedKafka.builder().start()) {
      assertThatThrownBy(() -> plain.bootstrapServers(Listener.SSL))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("listener SSL is not open");
    }
  }
}
