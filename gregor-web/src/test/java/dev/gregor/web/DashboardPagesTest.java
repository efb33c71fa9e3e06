package dev.gregor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gregor.client.Gregor;
import dev.gregor.client.OffsetReset;
import dev.gregor.client.Produce;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 16's pages over HTTP, and its bad input: unknown names, huge and binary payloads, masking, read-only. */
@EmbeddedKafkaTest
class DashboardPagesTest {
  private static final String PASSWORD = "correct-horse";
  private static Dashboard web;

  @BeforeAll
  static void start(EmbeddedKafka kafka) {
    web = Dashboard.builder().bootstrapServers(kafka.bootstrapServers()).port(0).user("ops", PASSWORD)
        .maskedTopics("secret\\..*").start();
  }

  @AfterAll
  static void stop() {
    web.close();
  }

  private static WebClient browser() {
    return new WebClient(web.url()).logIn("ops", PASSWORD);
  }

  @Test
  void aTopicOrGroupThatDoesNotExistIsA404NamingIt(TestTopics topics) {
    String missing = topics.next();
    WebClient browser = browser();

    HttpResponse<String> topic = browser.get("/topics/" + missing);
    HttpResponse<String> messages = browser.get("/topics/" + missing + "/messages");
    HttpResponse<String> group = browser.get("/groups/no-such-group-" + missing);

    assertThat(topic.statusCode()).isEqualTo(404);
    assertThat(topic.body()).contains("'" + missing + "'", "does not exist");
    assertThat(messages.statusCode()).isEqualTo(404);
    assertThat(group.statusCode()).isEqualTo(404);
    assertThat(group.body()).contains("no-such-group-" + missing);
  }

  @Test
  void aTopicIsCreatedListedAndDeletedOnlyWithItsNameTypedAgain(TestTopics topics) {
    String topic = topics.next();
    WebClient browser = browser();
    browser.get("/topics");

    HttpResponse<String> created = browser.post("/topics", "name", topic, "partitions", "3", "replicas", "1");
    HttpResponse<String> page = browser.get(created.headers().firstValue("Location").orElseThrow());
    HttpResponse<String> unconfirmed = browser.post("/topics/" + topic + "/delete", "confirm", "yes");
    HttpResponse<String> deleted = browser.post("/topics/" + topic + "/delete", "confirm", topic);

    assertThat(created.statusCode()).isEqualTo(303);
    assertThat(page.body()).contains("Created topic " + topic, "<td>2</td>");
    assertThat(unconfirmed.statusCode()).isEqualTo(400);
    assertThat(unconfirmed.body()).contains("type the topic's name");
    assertThat(deleted.body()).contains("Deleted topic " + topic);
  }

  @Test
  void aHugeMessageIsCutOnThePageAndWholeAsADownload(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);
    byte[] huge = new byte[900_000];
    Arrays.fill(huge, (byte) 'x');
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers())) {
      gregor.deliverMessage(topic, huge, Produce.options());
    }
    WebClient browser = browser();

    HttpResponse<String> page = browser.get("/topics/" + topic + "/messages?partition=0&offset=0");
    HttpResponse<byte[]> download = browser.download("/topics/" + topic + "/messages/0/0/value");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Showing 4096 of 900000 bytes").hasSizeLessThan(100_000);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(huge);
  }

  @Test
  void aBinaryPayloadIsShownAsHexAndJsonCanBeIndented(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers())) {
      gregor.deliverMessage(topic, new byte[] {0, 1, 2, (byte) 0xFF, 'G'}, Produce.options());
      gregor.deliverMessage(topic, "{\"id\":7,\"items\":[1,2]}", Produce.key("order-7").header("source", "web"));
    }
    WebClient browser = browser();

    String text = browser.get("/topics/" + topic + "/messages?partition=0&offset=0").body();
    String json = browser.get("/topics/" + topic + "/messages?partition=0&offset=1&format=json").body();

    assertThat(text).contains("00000000  00 01 02 ff 47", "....G");
    assertThat(json).contains("&quot;id&quot; : 7", "order-7", "source");
  }

  @Test
  void searchFindsMessagesByKeyHeaderOrValue(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers())) {
      for (int i = 0; i < 30; i++) {
        gregor.deliverMessage(topic, "value " + i, Produce.key("key-" + i).header("trace", i == 17 ? "needle" : "hay"));
      }
    }
    WebClient browser = browser();

    String byHeader = browser.get("/topics/" + topic + "/messages?partition=0&q=needle").body();
    String byValue = browser.get("/topics/" + topic + "/messages?partition=0&q=value%2025").body();

    assertThat(byHeader).contains("offset 17").doesNotContain("offset 16");
    assertThat(byValue).contains("offset 25").doesNotContain("offset 24");
  }

  @Test
  void aMaskedTopicShowsNoKeyValueOrHeaderAndRefusesTheDownload(EmbeddedKafka kafka) {
    String topic = "secret." + System.nanoTime();
    kafka.createTopic(topic, 1, 1);
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers())) {
      gregor.deliverMessage(topic, "card 4111-1111", Produce.key("customer-9").header("pin", "1234"));
    }
    WebClient browser = browser();

    HttpResponse<String> page = browser.get("/topics/" + topic + "/messages?partition=0&offset=0");

    assertThat(page.body()).contains("masked", "value masked (14 bytes)")
        .doesNotContain("4111", "customer-9", "1234");
    assertThat(browser.download("/topics/" + topic + "/messages/0/0/value").statusCode()).isEqualTo(404);
  }

  @Test
  void aPartitionOrOffsetOutsideTheTopicIsAClearError(TestTopics topics) {
    String topic = topics.create(2);
    WebClient browser = browser();

    HttpResponse<String> partition = browser.get("/topics/" + topic + "/messages?partition=5");
    HttpResponse<String> offset = browser.get("/topics/" + topic + "/messages?partition=0&offset=abc");
    HttpResponse<String> message = browser.get("/topics/" + topic + "/messages/0/99/value");

    assertThat(partition.statusCode()).isEqualTo(404);
    assertThat(partition.body()).contains("Partition 5 of topic '" + topic + "' does not exist: it has 2 partition(s)");
    assertThat(offset.statusCode()).isEqualTo(400);
    assertThat(offset.body()).contains("the offset 'abc', not a whole number");
    assertThat(message.statusCode()).isEqualTo(404);
  }

  @Test
  void aGroupsPageDrawsItsLagOverTheTimeTheDashboardWatched(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);
    String group = topic + "-group";
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers())) {
      gregor.deliverMessage(topic, "one");
      gregor.deliverMessage(topic, "two");
      gregor.groups().resetOffsets(group, topic, OffsetReset.toEarliest());
      WebClient browser = browser();

      String first = browser.get("/groups/" + group).body();
      for (int i = 0; i < 3; i++) {
        gregor.deliverMessage(topic, "more " + i);
      }
      // Samples are 5 s apart at least: the page's own refresh takes the next one.
      String later = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
          .until(() -> browser.get("/groups/" + group).body(), page -> page.contains("5.0 now"));

      assertThat(first).contains("lag (as this dashboard saw it, last hour): not enough samples yet");
      assertThat(later).contains("lag (as this dashboard saw it, last hour): 5.0 now, 5.0 at most", "<polyline");
    }
  }

  @Test
  void aReadOnlyDashboardOffersNoActionsAndRefusesThem(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);
    try (Dashboard readOnly = Dashboard.builder().bootstrapServers(kafka.bootstrapServers()).port(0)
        .user("ops", PASSWORD).readOnly(true).start()) {
      WebClient browser = new WebClient(readOnly.url()).logIn("ops", PASSWORD);

      String page = browser.get("/topics/" + topic).body();
      HttpResponse<String> delete = browser.post("/topics/" + topic + "/delete", "confirm", topic);

      assertThat(page).contains("read-only").doesNotContain("Delete topic");
      assertThat(delete.statusCode()).isEqualTo(403);
      assertThat(browser.get("/topics/" + topic).statusCode()).isEqualTo(200);
    }
  }
}
