package dev.gregor.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gregor.client.EventKeys;
import dev.gregor.client.EventKind;
import dev.gregor.client.Gregor;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

// Another module's events (the framework's) become meters without code here that knows them.
@EmbeddedKafkaTest
class ModuleEventMetersTest {
  enum AppEvent implements EventKind {
    PERFORM("perform.app", true),
    ENQUEUE("enqueue.app", false);

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
  void timedEventsBecomeTimersByResultAndOneOffEventsCounters(EmbeddedKafka kafka) {
    MeterRegistry registry = new SimpleMeterRegistry();
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers()); GregorMetrics metrics = GregorMetrics.of(gregor)) {
      metrics.bindTo(registry);

      gregor.notifications().start(AppEvent.PERFORM, Map.of(EventKeys.TOPIC, "videos", EventKeys.PARTITION, 3)).stop();
      gregor.notifications().start(AppEvent.PERFORM, Map.of(EventKeys.TOPIC, "videos")).fail(new IllegalStateException());
      gregor.notifications().publish(AppEvent.ENQUEUE, Map.of(EventKeys.TOPIC, "videos", "queue", "jobs"));
      gregor.notifications().publish(AppEvent.ENQUEUE, Map.of(EventKeys.TOPIC, "videos", "queue", "jobs"));

      await().atMost(Duration.ofSeconds(10)).until(() -> registry.find("gregor.app.enqueue").counter() != null
          && registry.find("gregor.app.enqueue").counter().count() == 2
          && registry.find("gregor.app.perform").tag("result", "error").timer() != null);
      assertThat(registry.get("gregor.app.perform").tag("topic", "videos").tag("result", "ok").timer().count()).isEqualTo(1);
      assertThat(registry.get("gregor.app.enqueue").tag("queue", "jobs").counter().getId().getTag("partition")).isNull();
      assertThat(registry.find("gregor.app.start_perform").meters()).isEmpty();
    }
    assertThat(registry.find("gregor.app.perform").meters()).isEmpty(); // closing the binder removed them
  }
}
