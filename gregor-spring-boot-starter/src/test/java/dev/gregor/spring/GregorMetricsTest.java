package dev.gregor.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gregor.client.Gregor;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

@EmbeddedKafkaTest
class GregorMetricsTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(GregorAutoConfiguration.class, GregorMetricsAutoConfiguration.class))
      .withUserConfiguration(Recording.Routing.class)
      .withBean(MeterRegistry.class, SimpleMeterRegistry::new);

  @Test
  void metersOfTheClientAndOfTheAppAppearInTheContextsRegistryAndLeaveItWithTheContext(EmbeddedKafka kafka,
      TestTopics topics) {
    String topic = topics.create(1);
    String app = "app-" + topic;
    AtomicReference<MeterRegistry> registry = new AtomicReference<>();
    runner.withPropertyValues("gregor.bootstrap-servers=" + kafka.bootstrapServers(), "test.topic=" + topic,
        "gregor.app.name=" + app, "gregor.client-id=boot-client").run(context -> {
      registry.set(context.getBean(MeterRegistry.class));
      context.getBean(Gregor.class).deliverMessage(topic, "counted");
      await().atMost(WAIT).untilAsserted(() -> {
        assertThat(registry.get().find("gregor.producer.deliver.latency").tag("client", "boot-client").timer())
            .isNotNull();
        assertThat(registry.get().find("gregor.framework.perform").tag("client", app).timer()).isNotNull()
            .satisfies(timer -> assertThat(timer.count()).isEqualTo(1));
      });
    });
    assertThat(registry.get().find("gregor.producer.deliver.latency").tag("client", "boot-client").timer()).isNull();
    assertThat(registry.get().find("gregor.framework.perform").tag("client", app).timer()).isNull();
  }

  @Test
  void gregorMetricsEnabledFalseBindsNothing(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);
    runner.withPropertyValues("gregor.bootstrap-servers=" + kafka.bootstrapServers(), "test.topic=" + topic,
        "gregor.app.name=app-" + topic, "gregor.metrics.enabled=false").run(context ->
        assertThat(context).hasNotFailed().doesNotHaveBean("gregorMeters"));
  }
}
