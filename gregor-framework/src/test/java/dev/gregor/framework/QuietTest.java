package dev.gregor.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gregor.client.Gregor;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.time.Duration;
import org.junit.jupiter.api.Test;

// Seed 003, "Deployment" (Karafka's quiet mode): a quiet app takes no new work but keeps its partitions.
@EmbeddedKafkaTest
class QuietTest {
  @Test
  void aQuietAppTakesNoNewMessagesButStaysInItsGroupAndTheNextOwnerGetsThem(EmbeddedKafka kafka, TestTopics topics)
      throws Exception {
    String topic = topics.create(1);
    App app = Apps.build(kafka, "quiet", routes -> routes.topic(topic, route -> route
        .controller(InlineProcessingTest.VideosController.class).parser(Parser.text())));

    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers())) {
      try (app) {
        app.start();
        gregor.deliverMessage(topic, "before");
        await().atMost(Duration.ofSeconds(60)).until(() -> Apps.committed(kafka, "quiet_" + topic) == 1);

        app.quiet();
        gregor.deliverMessage(topic, "after 1");
        gregor.deliverMessage(topic, "after 2");
        // Held for two seconds: nothing new performed, and the member still holds its partition.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> Recorded.count(topic) == 1);
        assertThat(gregor.groups().describe("quiet_" + topic).members()).singleElement()
            .satisfies(member -> assertThat(member.assignment()).containsKey(topic));
      }
      assertThat(Apps.committed(kafka, "quiet_" + topic)).isEqualTo(1);

      App next = Apps.build(kafka, "quiet", routes -> routes.topic(topic, route -> route
          .controller(InlineProcessingTest.VideosController.class).parser(Parser.text())));
      try (next) {
        next.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> Apps.committed(kafka, "quiet_" + topic) == 3);
      }
    }
    assertThat(Recorded.performed(topic)).extracting(Params::rawString).containsExactly("before", "after 1", "after 2");
  }
}
