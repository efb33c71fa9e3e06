package dev.gregor.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gregor.client.Gregor;
import dev.gregor.client.GroupDescription;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import dev.gregor.framework.App;
import dev.gregor.spring.Recording.RecordingController;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@EmbeddedKafkaTest
class GregorAppBeanTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(GregorAutoConfiguration.class))
      .withUserConfiguration(Recording.Routing.class);

  private ApplicationContextRunner on(EmbeddedKafka kafka, String topic) {
    return runner.withPropertyValues("gregor.bootstrap-servers=" + kafka.bootstrapServers(), "test.topic=" + topic,
        "gregor.app.name=app-" + topic, "gregor.app.concurrency=2");
  }

  @Test
  void aControllerBeanWithAnInjectedServiceReceivesProducedMessages(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(2);
    on(kafka, topic).run(context -> {
      assertThat(context).hasSingleBean(App.class);
      App app = context.getBean(App.class);
      assertThat(app.isRunning()).isTrue();
      Gregor client = context.getBean(Gregor.class);
      for (int i = 0; i < 5; i++) {
        client.deliverMessage(topic, "m" + i);
      }
      Recording.Received received = context.getBean(Recording.Received.class);
      await().atMost(WAIT).untilAsserted(() -> assertThat(received.values()).containsExactlyInAnyOrder("m0", "m1", "m2", "m3", "m4"));
    });
  }

  @Test
  void closingTheContextStopsTheAppWhichCommitsWhatItPerformedAndLeavesItsGroup(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(2);
    AtomicReference<App> started = new AtomicReference<>();
    on(kafka, topic).withPropertyValues("gregor.app.offset-commit-interval=1h").run(context -> {
      started.set(context.getBean(App.class));
      Gregor client = context.getBean(Gregor.class);
      for (int i = 0; i < 6; i++) {
        client.deliverMessage(topic, "m" + i);
      }
      Recording.Received received = context.getBean(Recording.Received.class);
      await().atMost(WAIT).until(() -> received.values().size() == 6);
    });
    App app = started.get();
    assertThat(app.isRunning()).isFalse();
    assertThat(app.failure()).isNull();
    String group = app.routes().all().get(0).group();
    try (Gregor admin = Gregor.connect(kafka.bootstrapServers())) {
      GroupDescription description = admin.groups().describe(group);
      assertThat(description.isEmpty()).as("members after close: %s", description.members()).isTrue();
      assertThat(description.offsets()).isNotEmpty().allSatisfy(offset -> assertThat(offset.lag()).isZero());
      assertThat(description.offsets().stream().mapToLong(GroupDescription.PartitionOffset::committedOffset).sum()).isEqualTo(6);
    }
  }

  @Test
  void withReportingTheAppPublishesReportsForTheDashboardAndABadIntervalIsNamed(EmbeddedKafka kafka,
      TestTopics topics) {
    String topic = topics.create(1);
    String reports = topics.next();
    on(kafka, topic).withPropertyValues("gregor.app.reporting=true", "gregor.app.reports-topic=" + reports,
        "gregor.app.commands-topic=" + topics.next(), "gregor.app.report-interval=500ms").run(context -> {
          App app = context.getBean(App.class);
          Gregor client = context.getBean(Gregor.class);
          await().atMost(WAIT).until(() -> client.topics().list().contains(reports)
              && client.latestOffset(reports, 0) > 0);
          String report = client.fetch(reports, 0, dev.gregor.client.Offset.EARLIEST).messages().get(0).valueAsString();
          assertThat(report).contains("\"type\":\"report\"", "\"app\":\"" + app.settings().name() + "\"");
        });
    on(kafka, topics.create(1)).withPropertyValues("gregor.app.report-interval=10ms").run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("gregor.app.report-interval");
    });
  }

  @Test
  void anInvalidAppPropertyFailsTheStartNamingIt(EmbeddedKafka kafka, TestTopics topics) {
    on(kafka, topics.create(1)).withPropertyValues("gregor.app.concurrency=0", "gregor.client.max.poll.recordz=1")
        .run(context -> {
          assertThat(context).hasFailed();
          assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("gregor.client.max.poll.recordz");
        });
    on(kafka, topics.create(1)).withPropertyValues("gregor.app.concurrency=0").run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause()
          .hasMessageContaining("gregor.app.concurrency: concurrency must be at least 1, was 0");
    });
  }

  @Test
  void withoutAnAppNameTheStartFailsNamingGregorAppName(EmbeddedKafka kafka, TestTopics topics) {
    runner.withPropertyValues("gregor.bootstrap-servers=" + kafka.bootstrapServers(), "test.topic=" + topics.create(1))
        .run(context -> {
          assertThat(context).hasFailed();
          assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("gregor.app.name: name is required");
        });
  }

  @Test
  void theAppNameComesFromSpringApplicationNameWhenNotGiven(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);
    runner.withPropertyValues("gregor.bootstrap-servers=" + kafka.bootstrapServers(), "test.topic=" + topic,
        "spring.application.name=shop-" + topic).run(context ->
        assertThat(context.getBean(App.class).routes().all().get(0).group()).isEqualTo("shop-" + topic + "_" + topic));
  }

  @Test
  void aMissingRoutedTopicFailsTheStart(EmbeddedKafka kafka, TestTopics topics) {
    String missing = topics.next();
    on(kafka, missing).run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause().hasMessageContaining(missing);
    });
  }

  @Test
  void aSingletonControllerBeanIsRefusedAtStart(EmbeddedKafka kafka, TestTopics topics) {
    on(kafka, topics.create(1)).withUserConfiguration(SingletonController.class).run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("is a singleton")
          .hasMessageContaining("@Scope(\"prototype\")");
    });
  }

  @Test
  void appEnabledFalseMakesNoAppEvenWithRoutes(EmbeddedKafka kafka, TestTopics topics) {
    on(kafka, topics.create(1)).withPropertyValues("gregor.app.enabled=false").run(context ->
        assertThat(context).hasNotFailed().hasSingleBean(Gregor.class).doesNotHaveBean(App.class));
  }

  /** The controller also declared as a singleton bean, the mistake the starter refuses. */
  @Configuration(proxyBeanMethods = false)
  static class SingletonController {
    @Bean
    RecordingController singletonRecordingController(Recording.Received received) {
      return new RecordingController(received);
    }
  }
}
