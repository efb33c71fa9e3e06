package dev.gregor.framework.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gregor.client.Message;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.framework.App;
import dev.gregor.framework.Controller;
import dev.gregor.framework.Parser;
import dev.gregor.framework.Responder;
import dev.gregor.framework.TopicMapper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

// The test kit as a user's test would use it: the app's topics are created, a route is fed, results awaited.
@EmbeddedKafkaTest
class AppTestKitTest {
  static final List<String> SLOW_WORK = new CopyOnWriteArrayList<>();

  public static class GreetingsController extends Controller {
    @Override
    protected void perform() {
      respondWith("hello " + params().value());
    }
  }

  public static class GreetingsResponder extends Responder {
    public GreetingsResponder() {
      topic("greeted");
    }

    @Override
    protected void respond(Object... data) {
      respondTo("greeted", data[0]);
    }
  }

  public static class SlowController extends Controller {
    @Override
    protected void perform() {
      SLOW_WORK.add(String.valueOf(params().value()));
    }
  }

  static App greeter(String kafkaHosts) {
    return App.builder()
        .setup(config -> config.name("greeter").kafkaHosts(kafkaHosts).topicMapper(TopicMapper.prefix("kit")))
        .routes(routes -> routes
            .topic("names", route -> route.controller(GreetingsController.class).parser(Parser.text())
                .responder(GreetingsResponder.class))
            .topic("slow", route -> route.controller(SlowController.class).parser(Parser.text()).inlineMode(false)))
        .build();
  }

  @Test
  void theKitCreatesTheAppsTopicsRunsItAndWaitsForWhatWasProcessedAndSent(EmbeddedKafka kafka) {
    try (AppTestKit kit = AppTestKit.start(AppTestKitTest::greeter, kafka)) {
      kit.produce("names", "ann");
      kit.produce("names", "bob");
      kit.produce("slow", "report");
      kit.awaitProcessed("names");

      List<Message> greeted = kit.awaitSent("greeted", 2);
      assertThat(greeted).extracting(Message::valueAsString).containsExactlyInAnyOrder("hello ann", "hello bob");
      assertThat(greeted).allSatisfy(m -> assertThat(m.topic()).isEqualTo("kit.greeted"));
      kit.awaitProcessed("slow");
      kit.awaitSent("greeter_jobs", 1);
      assertThat(kit.app().client().topics().list()).contains("kit.names", "kit.greeted", "kit.slow", "kit.greeter_jobs");
      kit.timeout(Duration.ofSeconds(30));
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> SLOW_WORK.contains("report"));
    }
  }

  @Test
  void aWaitThatTimesOutSaysWhatItSaw(EmbeddedKafka kafka) {
    try (AppTestKit kit = AppTestKit.start(AppTestKitTest::greeter, kafka)) {
      kit.timeout(Duration.ofMillis(300));

      assertThatThrownBy(() -> kit.awaitSent("greeted", 5)).isInstanceOf(AssertionError.class)
          .hasMessageMatching("\\d of 5 messages in 'kit.greeted' after 300 ms");
      assertThatThrownBy(() -> kit.awaitProcessed("typo")).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("the app has no route 'typo'");
    }
  }
}
