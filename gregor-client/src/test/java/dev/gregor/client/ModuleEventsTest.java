package dev.gregor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

// Another module (the framework) sends its own kinds of events on a client's bus, so one listener sees both.
@EmbeddedKafkaTest
class ModuleEventsTest {
  enum AppEvent implements EventKind {
    PERFORM("perform.app", true),
    NOTICE("notice.app", false);

    private final String name;
    private final boolean timed;

    AppEvent(String name, boolean timed) {
      this.name = name;
      this.timed = timed;
    }

    @Override
    public String eventName() {
      return name;
    }

    @Override
    public String category() {
      return "app";
    }

    @Override
    public boolean timed() {
      return timed;
    }

    @Override
    public List<String> payloadKeys() {
      return List.of(EventKeys.TOPIC);
    }
  }

  @Test
  void anotherModulesEventsReachListenersWithTheClientIdAndTheirPhases(EmbeddedKafka kafka) {
    try (Gregor gregor = Gregor.connect(Config.builder().seedBrokers(kafka.bootstrapServers()).clientId("app-1").build())) {
      List<Notification> seen = new CopyOnWriteArrayList<>();
      gregor.notifications().subscribeSpans("*.app", seen::add);

      gregor.notifications().publish(AppEvent.NOTICE, Map.of(EventKeys.TOPIC, "orders"));
      TimedEvent perform = gregor.notifications().start(AppEvent.PERFORM, Map.of(EventKeys.TOPIC, "orders"));
      perform.with(EventKeys.MESSAGE_COUNT, 3).stop();
      gregor.notifications().start(AppEvent.PERFORM, Map.of()).fail(new IllegalStateException("boom"));

      await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == 5);
      assertThat(seen).extracting(Notification::phase).containsExactly(Notification.Phase.EVENT,
          Notification.Phase.START, Notification.Phase.STOP, Notification.Phase.START, Notification.Phase.EXCEPTION);
      assertThat(seen.get(0).payload()).containsEntry(EventKeys.CLIENT_ID, "app-1").containsEntry(EventKeys.TOPIC, "orders");
      assertThat(seen.get(2).payload()).containsEntry(EventKeys.MESSAGE_COUNT, 3);
      assertThat(seen.get(2).category()).isEqualTo("app");
      assertThat(seen.get(4).error()).hasMessage("boom");
      assertThat(gregor.notifications().wants(AppEvent.PERFORM)).isTrue();
    }
  }

  @Test
  void aTimedKindIsStartedAndAOneOffKindIsPublishedNeverTheOtherWayRound(EmbeddedKafka kafka) {
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers())) {
      assertThatThrownBy(() -> gregor.notifications().publish(AppEvent.PERFORM, Map.of()))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("perform.app is a timed event");
      assertThatThrownBy(() -> gregor.notifications().start(AppEvent.NOTICE, Map.of()))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("notice.app is not a timed event");
      assertThat(gregor.notifications().wants(AppEvent.NOTICE)).isFalse();
    }
  }
}
