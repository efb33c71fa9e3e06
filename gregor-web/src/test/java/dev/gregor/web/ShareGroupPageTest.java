package dev.gregor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gregor.client.Gregor;
import dev.gregor.client.QueueConsumer;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 16, "Consumer groups and share groups": a share group's page, and its offsets reset by the client's rules. */
@EmbeddedKafkaTest
class ShareGroupPageTest {
  private static final String PASSWORD = "correct-horse";
  private static Dashboard web;

  @BeforeAll
  static void start(EmbeddedKafka kafka) {
    web = Dashboard.builder().bootstrapServers(kafka.bootstrapServers()).port(0).user("ops", PASSWORD).start();
  }

  @AfterAll
  static void stop() {
    web.close();
  }

  @Test
  void aShareGroupIsListedAndItsOffsetsAreResetOnlyOnceItsMembersHaveStopped(EmbeddedKafka kafka, TestTopics topics)
      throws Exception {
    String topic = topics.create(1);
    String group = topic + "-queue";
    WebClient browser = new WebClient(web.url()).logIn("ops", PASSWORD);
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers())) {
      try (QueueConsumer queue = gregor.queue(group, q -> q.startFromBeginning(true))) {
        queue.subscribe(topic);
        CountDownLatch handled = new CountDownLatch(2);
        Thread member = new Thread(() -> queue.eachMessage(job -> handled.countDown()));
        member.start();
        gregor.deliverMessage(topic, "job 1");
        gregor.deliverMessage(topic, "job 2");
        assertThat(handled.await(60, TimeUnit.SECONDS)).isTrue();

        HttpResponse<String> list = browser.get("/groups");
        HttpResponse<String> page = browser.get("/groups/" + group);
        HttpResponse<String> plan = browser.post("/groups/" + group + "/reset", "topic", topic, "to", "earliest",
            "share", "1");
        HttpResponse<String> refused = browser.post("/groups/" + group + "/reset", "topic", topic, "to", "earliest",
            "share", "1", "apply", "1");

        assertThat(list.body()).contains(">" + group + "</a>", "<td>share</td>");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Group " + group, "Start (acknowledged before)", topic + " [0]",
            "Reset offsets", "Kafka cannot remove a share group's members").doesNotContain("force while it has members");
        assertThat(plan.statusCode()).isEqualTo(200);
        assertThat(plan.body()).contains("1 active member(s)", "<th>Start</th>", "Apply this reset");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("share group '" + group + "'", "stop them first");
        queue.stop();
        member.join(30_000);
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> gregor.groups().describeShare(group).members().isEmpty()
          && gregor.groups().describeShare(group).totalLag() == 0);

      browser.get("/groups/" + group);
      HttpResponse<String> applied = browser.post("/groups/" + group + "/reset", "topic", topic, "to", "earliest",
          "share", "1", "apply", "1");

      assertThat(applied.statusCode()).isEqualTo(303);
      assertThat(applied.headers().firstValue("Location")).hasValue("/groups/" + group + "?reset=" + topic);
      assertThat(gregor.groups().describeShare(group).totalLag()).isEqualTo(2);
    }
  }
}
