package dev.gregor.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.gregor.client.ErrorPolicy;
import dev.gregor.client.ProcessingFailed;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

// A controller that throws: the client's error policies — retry with the partition paused, then stop or skip.
@EmbeddedKafkaTest
class ControllerFailureTest {
  static final Map<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();

  /** Fails on the message "poison", every time. */
  static final class PoisonController extends Controller {
    @Override
    protected void perform() {
      if ("poison".equals(params().value())) {
        ATTEMPTS.computeIfAbsent(params().topic(), t -> new AtomicInteger()).incrementAndGet();
        throw new IllegalStateException("cannot handle poison");
      }
      Recorded.performed(params());
    }
  }

  @Test
  void retriesThenStopsTheAppWithoutCommittingTheFailedMessage(EmbeddedKafka kafka, TestTopics topics) throws Exception {
    String topic = topics.create(1);
    App app = Apps.on(kafka, "stopping").routes(routes -> routes.topic(topic, route -> route
        .controller(PoisonController.class).parser(Parser.text())
        .errorPolicy(ErrorPolicy.retry(3, Duration.ofMillis(10), Duration.ofMillis(40))))).build();

    app.start();
    app.client().deliverMessage(topic, "fine");
    app.client().deliverMessage(topic, "poison");
    app.client().deliverMessage(topic, "after");

    assertThat(app.awaitStopped(Duration.ofSeconds(60))).isTrue();
    assertThat(app.failure()).isInstanceOfSatisfying(ProcessingFailed.class, failure -> {
      assertThat(failure.offset()).isEqualTo(1);
      assertThat(failure.getMessage()).contains("Route '" + topic + "'").contains("after 3 attempt(s)")
          .contains("cannot handle poison");
    });
    assertThat(ATTEMPTS.get(topic)).hasValue(3);
    assertThat(Recorded.performed(topic)).extracting(Params::rawString).containsExactly("fine");
    assertThat(Apps.committed(kafka, "stopping_" + topic)).isEqualTo(1);
    assertThatThrownBy(app::run).isSameAs(app.failure()); // run() on a stopped app reports why it stopped
  }

  @Test
  void skipPolicyReportsThePoisonPillAndGoesOn(EmbeddedKafka kafka, TestTopics topics) throws Exception {
    String topic = topics.create(1);
    App app = Apps.on(kafka, "skipping").routes(routes -> routes.topic(topic, route -> route
        .controller(PoisonController.class).parser(Parser.text())
        .errorPolicy(ErrorPolicy.retry(2, Duration.ZERO, Duration.ZERO, ErrorPolicy.skip(failure -> { }))))).build();

    try (app) {
      app.start();
      app.client().deliverMessage(topic, "poison");
      app.client().deliverMessage(topic, "after");
      await().atMost(Duration.ofSeconds(60)).until(() -> Apps.committed(kafka, "skipping_" + topic) == 2);
    }
    assertThat(ATTEMPTS.get(topic)).hasValue(2);
    assertThat(Recorded.performed(topic)).extracting(Params::rawString).containsExactly("after");
  }
}
