package dev.gregor.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gregor.client.Gregor;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

@EmbeddedKafkaTest
class GregorHealthTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(GregorAutoConfiguration.class, GregorHealthAutoConfiguration.class))
      .withUserConfiguration(Recording.Routing.class);

  @Test
  void healthShowsTheAssignmentAndGoesDownWithTheStallWhileAMessageRunsPastTheStallTimeout(EmbeddedKafka kafka,
      TestTopics topics) {
    String topic = topics.create(2);
    String app = "app-" + topic;
    runner.withPropertyValues("gregor.bootstrap-servers=" + kafka.bootstrapServers(), "test.topic=" + topic,
        "gregor.app.name=" + app, "gregor.app.stall-timeout=500ms").run(context -> {
      HealthIndicator indicator = context.getBean("gregorHealthIndicator", HealthIndicator.class);
      String group = app + "_" + topic;
      await().atMost(WAIT).untilAsserted(() -> {
        Health health = indicator.health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("app", app).containsEntry("running", true)
            .containsEntry("stalls", List.of());
        Map<?, ?> groupDetails = (Map<?, ?>) ((Map<?, ?>) health.getDetails().get("groups")).get(group);
        assertThat(groupDetails.get("members")).isEqualTo(1);
        assertThat(groupDetails.get("assignment").toString()).isEqualTo(Map.of(topic, List.of(0, 1)).toString());
      });

      context.getBean(Gregor.class).deliverMessage(topic, "slow");
      await().atMost(WAIT).untilAsserted(() -> {
        Health health = indicator.health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat((List<?>) health.getDetails().get("stalls")).singleElement().asString()
            .startsWith(topic + "/");
      });

      context.getBean(Recording.Received.class).release();
      await().atMost(WAIT).untilAsserted(() -> assertThat(indicator.health().getStatus()).isEqualTo(Status.UP));
    });
  }

  @Test
  void healthIsDownOnceTheAppHasStopped(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);
    runner.withPropertyValues("gregor.bootstrap-servers=" + kafka.bootstrapServers(), "test.topic=" + topic,
        "gregor.app.name=app-" + topic).run(context -> {
      context.getBean(dev.gregor.framework.App.class).stop();
      Health health = context.getBean("gregorHealthIndicator", HealthIndicator.class).health();
      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(health.getDetails()).containsEntry("running", false).doesNotContainKey("groups");
    });
  }

  @Test
  void theIndicatorCanBeTurnedOffWithManagementHealthGregorEnabled(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);
    runner.withPropertyValues("gregor.bootstrap-servers=" + kafka.bootstrapServers(), "test.topic=" + topic,
        "gregor.app.name=app-" + topic, "management.health.gregor.enabled=false").run(context ->
        assertThat(context).hasNotFailed().doesNotHaveBean("gregorHealthIndicator"));
  }
}
