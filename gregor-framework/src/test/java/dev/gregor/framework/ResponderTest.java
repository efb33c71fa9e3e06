package dev.gregor.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gregor.client.ErrorPolicy;
import dev.gregor.client.Gregor;
import dev.gregor.client.Message;
import dev.gregor.client.Notification;
import dev.gregor.client.Produce;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

// Seed: "Responders", "Registering topics", "Responding on topics", "Response validation", "Response partitioning",
// "Using responders (recommended)", "Topic mappers".
@EmbeddedKafkaTest
class ResponderTest {
  record User(String login, boolean registered) {}

  /** Clean topic names, set per test before the app starts (responders register in their constructors). */
  static volatile String created;
  static volatile String profiles;

  static final class UsersController extends Controller {
    @Override
    protected void perform() {
      User user = params().value(User.class);
      respondWith(user, Map.of("login", user.login(), "profile", true));
    }
  }

  static final class UserResponder extends Responder {
    UserResponder() {
      topic(created);
      topic(profiles, Usage.OPTIONAL);
    }

    @Override
    protected void respond(Object... data) {
      User user = (User) data[0];
      respondTo(created, user, Produce.partitionKey(user.login().substring(0, 1)));
      if (user.registered()) {
        respondTo(profiles, data[1], Produce.partition(1));
      }
    }
  }

  /** Breaks "Response validation": writes to a topic it never registered. */
  static final class TypoResponder extends Responder {
    TypoResponder() {
      topic(created);
    }

    @Override
    protected void respond(Object... data) {
      respondTo(created, data[0]);
      respondTo(created + "_typo", data[0]);
    }
  }

  @Test
  void responsesGoToTheRegisteredTopicsThroughTheTopicMapperBeforeTheMessageIsCommitted(EmbeddedKafka kafka,
      TestTopics topics) throws Exception {
    String incoming = topics.next();
    created = topics.next();
    profiles = topics.next();
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers())) {
      gregor.topics().create("acme." + incoming, t -> t.partitions(1));
      gregor.topics().create("acme." + created, t -> t.partitions(2));
      gregor.topics().create("acme." + profiles, t -> t.partitions(2));
      gregor.deliverMessage("acme." + incoming, "{\"login\":\"ann\",\"registered\":true}");
      gregor.deliverMessage("acme." + incoming, "{\"login\":\"bob\",\"registered\":false}");
    }
    App app = Apps.on(kafka, "responding").setup(config -> config.topicMapper(TopicMapper.prefix("acme")))
        .routes(routes -> routes.topic(incoming, route -> route.controller(UsersController.class)
            .responder(UserResponder.class)))
        .build();

    try (app) {
      app.start();
      await().atMost(Duration.ofSeconds(60)).until(() -> Apps.committed(kafka, "responding_" + incoming) == 2);
      List<Message> users = Apps.read(app.client(), "acme." + created);
      List<Message> profilesSent = Apps.read(app.client(), "acme." + profiles);

      assertThat(users).extracting(Message::valueAsString).containsExactlyInAnyOrder(
          "{\"login\":\"ann\",\"registered\":true}", "{\"login\":\"bob\",\"registered\":false}");
      assertThat(profilesSent).singleElement().satisfies(m -> {
        assertThat(m.partition()).isEqualTo(1);
        assertThat(m.valueAsString()).contains("\"login\":\"ann\"");
      });
    }
  }

  @Test
  void aResponseBreakingItsRegistrationsSendsNothingAndIsReportedAsTheRespondersError(EmbeddedKafka kafka,
      TestTopics topics) throws Exception {
    String incoming = topics.create(1);
    created = topics.create(1);
    List<Notification> errors = new CopyOnWriteArrayList<>();
    List<String> skipped = new CopyOnWriteArrayList<>();
    App app = Apps.on(kafka, "typos")
        .routes(routes -> routes.topic(incoming, route -> route.controller(UsersController.class)
            .responder(TypoResponder.class)
            .errorPolicy(ErrorPolicy.skip(failure -> skipped.add(failure.error().getMessage())))))
        .build();

    try (app) {
      app.start();
      app.client().notifications().subscribe(FrameworkEvent.ERROR, errors::add);
      app.client().deliverMessage(incoming, "{\"login\":\"ann\",\"registered\":true}");
      await().atMost(Duration.ofSeconds(60)).until(() -> Apps.committed(kafka, "typos_" + incoming) == 1);

      assertThat(Apps.read(app.client(), created)).isEmpty();
    }
    assertThat(skipped).singleElement().asString().contains(TypoResponder.class.getName())
        .contains("did not register").contains("nothing of this response was sent");
    assertThat(errors).singleElement().satisfies(e -> assertThat(e.get(FrameworkEvent.ORIGIN)).isEqualTo("responder"));
  }
}
