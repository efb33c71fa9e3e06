package dev.gregor.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gregor.client.Fetch;
import dev.gregor.client.Gregor;
import dev.gregor.client.Offset;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import dev.gregor.framework.App;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

@EmbeddedKafkaTest
class GregorClientBeanTest {
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(GregorAutoConfiguration.class, GregorHealthAutoConfiguration.class,
          GregorMetricsAutoConfiguration.class));

  @Test
  void theClientBeanDeliversAndReadsMessagesAndTheStarterMakesNoAppWithoutRoutes(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);
    runner.withPropertyValues("gregor.bootstrap-servers=" + kafka.bootstrapServers(), "gregor.client-id=boot-client")
        .run(context -> {
          assertThat(context).hasSingleBean(Gregor.class).doesNotHaveBean(App.class)
              .doesNotHaveBean("gregorHealthIndicator");
          Gregor client = context.getBean(Gregor.class);
          assertThat(client.config().clientId()).isEqualTo("boot-client");
          client.deliverMessage(topic, "hello from Boot");
          Fetch fetch = client.fetch(topic, 0, Offset.EARLIEST);
          assertThat(fetch.messages()).extracting(m -> m.valueAsString()).containsExactly("hello from Boot");
        });
  }

  @Test
  void kafkaClientsPropertiesPassThroughToTheClient(EmbeddedKafka kafka) {
    runner.withPropertyValues("gregor.bootstrap-servers=" + kafka.bootstrapServers(),
        "gregor.client.max.request.size=2000000").run(context ->
        assertThat(context.getBean(Gregor.class).config().properties()).containsEntry("max.request.size", "2000000"));
  }

  @Test
  void configCustomizerBeansRunAfterTheProperties(EmbeddedKafka kafka) {
    runner.withPropertyValues("gregor.bootstrap-servers=" + kafka.bootstrapServers(), "gregor.client-id=from-properties")
        .withBean(GregorConfigCustomizer.class, () -> config -> config.clientId("from-customizer"))
        .run(context -> assertThat(context.getBean(Gregor.class).config().clientId()).isEqualTo("from-customizer"));
  }

  @Test
  void anUnknownKafkaClientsPropertyFailsTheStartNamingIt() {
    runner.withPropertyValues("gregor.client.max.pol.records=5").run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause()
          .hasMessageContaining("gregor.client.max.pol.records=5")
          .hasMessageContaining("did you mean 'max.poll.records'");
    });
  }

  @Test
  void aMalformedBootstrapAddressFailsTheStartNamingTheProperty() {
    runner.withPropertyValues("gregor.bootstrap-servers=localhost:not-a-port").run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("gregor.bootstrap-servers=[localhost:not-a-port]");
    });
  }

  @Test
  void aNonPositiveTimeoutFailsTheStartNamingTheProperty() {
    runner.withPropertyValues("gregor.connect-timeout=0s").run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("gregor.connect-timeout=PT0S")
          .hasMessageContaining("must be a positive duration");
    });
  }
}
