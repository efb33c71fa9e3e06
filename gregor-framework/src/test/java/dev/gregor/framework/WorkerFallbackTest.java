package dev.gregor.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gregor.client.Gregor;
import dev.gregor.embedded.EmbeddedKafka;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.FeatureUpdate;
import org.apache.kafka.clients.admin.UpdateFeaturesOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

// Workers on a cluster without share groups (Kafka before 4.x, managed services, the feature off): an ordinary
// consumer group over the jobs topic, retrying a job in place, then afterFailure.
class WorkerFallbackTest {
  static final List<String> PERFORMED = new CopyOnWriteArrayList<>();
  static final List<String> GAVE_UP = new CopyOnWriteArrayList<>();
  private static EmbeddedKafka kafka;

  @BeforeAll
  static void clusterWithoutShareGroups() throws Exception {
    kafka = EmbeddedKafka.builder().start();
    try (Admin admin = kafka.admin()) {
      admin.updateFeatures(Map.of("share.version", new FeatureUpdate((short) 0, FeatureUpdate.UpgradeType.UNSAFE_DOWNGRADE)),
          new UpdateFeaturesOptions()).all().get(30, TimeUnit.SECONDS);
    }
  }

  @AfterAll
  static void stop() {
    kafka.close();
  }

  static final class SometimesFailing extends Controller {
    @Override
    protected void perform() {
      if (params().rawString().startsWith("bad")) {
        throw new IllegalStateException("cannot render " + params().rawString());
      }
      PERFORMED.add(params().rawString());
    }

    @Override
    protected void afterFailure() {
      GAVE_UP.add(params().rawString());
    }
  }

  @Test
  void withoutShareGroupsWorkersUseAConsumerGroupAndGiveUpAfterTheLastAttempt() {
    try (Gregor admin = Gregor.connect(kafka.bootstrapServers())) {
      assertThat(admin.cluster().features().finalizedLevels().getOrDefault("share.version", (short) 0)).isZero();
      admin.topics().create("renders");
      admin.topics().create("fallback_jobs");
    }
    App app = App.builder().environment(Map.of())
        .setup(config -> config.name("fallback").kafkaHosts(kafka.bootstrapServers()).inlineMode(false))
        .routes(routes -> routes.topic("renders", route -> route.controller(SometimesFailing.class).parser(Parser.text())))
        .build();

    try (app) {
      app.start().startWorkers(2);
      app.client().deliverMessage("renders", "good-1");
      app.client().deliverMessage("renders", "bad-1");
      app.client().deliverMessage("renders", "good-2");
      // Two workers share the jobs topic's group: a rebalance while they join may perform a job twice (at least once).
      await().atMost(Duration.ofSeconds(90)).until(() -> PERFORMED.containsAll(List.of("good-1", "good-2"))
          && !GAVE_UP.isEmpty());
    }
    assertThat(PERFORMED).containsOnly("good-1", "good-2");
    assertThat(GAVE_UP).containsOnly("bad-1");
  }
}
