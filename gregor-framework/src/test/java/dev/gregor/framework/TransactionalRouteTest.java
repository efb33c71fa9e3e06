package dev.gregor.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.gregor.client.Message;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

// Responders in a Kafka transaction with the consumed offset: exactly once for read_committed readers.
@EmbeddedKafkaTest
class TransactionalRouteTest {
  static volatile String out;

  static final class EchoController extends Controller {
    @Override
    protected void perform() {
      respondWith(params().rawString().toUpperCase());
    }
  }

  static final class EchoResponder extends Responder {
    EchoResponder() {
      topic(out);
    }

    @Override
    protected void respond(Object... data) {
      respondTo(out, data[0]);
    }
  }

  @Test
  void responsesAndTheConsumedOffsetAreCommittedInOneTransaction(EmbeddedKafka kafka, TestTopics topics) throws Exception {
    String in = topics.create(1);
    out = topics.create(1);
    App app = Apps.on(kafka, "tx-" + Integer.toHexString(in.hashCode()))
        .routes(routes -> routes.topic(in, route -> route.controller(EchoController.class).parser(Parser.text())
            .responder(EchoResponder.class).transactional(true)))
        .build();
    String group = app.settings().name() + "_" + in;

    try (app) {
      app.start();
      app.client().deliverMessage(in, "first");
      app.client().deliverMessage(in, "second");
      await().atMost(Duration.ofSeconds(60)).until(() -> Apps.committed(kafka, group) == 2
          && Apps.read(app.client(), out).size() == 2);

      List<Message> sent = Apps.read(app.client(), out);
      assertThat(sent).extracting(Message::valueAsString).containsExactly("FIRST", "SECOND");
      // Each transaction ends with a commit marker, so the log holds more offsets than messages.
      assertThat(app.client().latestOffset(out, 0)).isEqualTo(4);
    }
  }

  @Test
  void aCustomWorkerCannotJoinATransactionAndTheBuildSaysSo() {
    App.Builder app = App.builder().setup(config -> config.name("tx").kafkaHosts("localhost:9092"))
        .routes(routes -> routes.topic("videos", route -> route.controller(EchoController.class).inlineMode(false)
            .worker((topic, params) -> { }).transactional(true)));

    assertThatThrownBy(app::build).isInstanceOf(InvalidSetup.class)
        .hasMessageContaining("route 'videos': transactional needs responses or a Kafka queue");
  }
}
