package dev.gregor.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gregor.client.Gregor;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

// The README's "The framework" example, as written there.
@EmbeddedKafkaTest
class ReadmeFrameworkTest {
  record User(String login) {}

  static final List<String> INVOICES = new CopyOnWriteArrayList<>();

  public static class UsersController extends Controller {
    protected void perform() {
      respondWith(params().value(User.class));
    }
  }

  public static class UserResponder extends Responder {
    public UserResponder() {
      topic("users_created");
      topic("vip_users", Usage.OPTIONAL);
    }

    protected void respond(Object... data) {
      respondTo("users_created", data[0]);
    }
  }

  public static class InvoicesController extends Controller {
    protected void perform() {
      INVOICES.add(params().rawString());
    }
  }

  @Test
  void theReadmeAppRespondsAndItsWorkersPerform(EmbeddedKafka kafka) {
    try (Gregor admin = Gregor.connect(kafka.bootstrapServers())) {
      for (String topic : List.of("users", "users_created", "vip_users", "invoices", "my_application_jobs")) {
        admin.topics().create(topic);
      }
    }
    App app = App.builder()
        .setup(config -> config.name("my_application").kafkaHosts(kafka.bootstrapServers()))
        .routes(routes -> routes
            .topic("users", route -> route.controller(UsersController.class).responder(UserResponder.class))
            .topic("invoices", route -> route.controller(InvoicesController.class).inlineMode(false)))
        .build();

    try (app) {
      app.start().startWorkers(4);
      app.client().deliverMessage("users", "{\"login\":\"ann\"}");
      app.client().deliverMessage("invoices", "{\"order\":1}");
      await().atMost(Duration.ofSeconds(60)).until(() -> !INVOICES.isEmpty()
          && !Apps.read(app.client(), "users_created").isEmpty());

      assertThat(Apps.read(app.client(), "users_created")).singleElement()
          .satisfies(m -> assertThat(m.valueAsString()).isEqualTo("{\"login\":\"ann\"}"));
      assertThat(INVOICES).containsExactly("{\"order\":1}");
    }
  }
}
