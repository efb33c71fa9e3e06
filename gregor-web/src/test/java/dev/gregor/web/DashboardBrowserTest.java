package dev.gregor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gregor.client.Event;
import dev.gregor.client.Gregor;
import dev.gregor.client.GroupConsumer;
import dev.gregor.client.Message;
import dev.gregor.client.Produce;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import dev.gregor.framework.App;
import dev.gregor.framework.Controller;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/** Issue 16's end-to-end tests: the dashboard in a real (headless) Chromium, clicked as a person would. */
@EmbeddedKafkaTest
class DashboardBrowserTest {
  private static final String PASSWORD = "correct-horse";
  private static Dashboard web;
  private static ChromeDriver browser;

  @BeforeAll
  static void start(EmbeddedKafka kafka, @TempDir Path profile) {
    web = Dashboard.builder().bootstrapServers(kafka.bootstrapServers()).port(0).user("ops", PASSWORD).start();
    browser = Browser.start(profile);
    browser.get(web.url().toString());
    Browser.screenshot(browser, "login");
    browser.findElement(By.name("user")).sendKeys("ops");
    browser.findElement(By.name("password")).sendKeys(PASSWORD);
    Browser.clickAndLoad(browser, By.cssSelector("main button[type=submit]"));
    await().atMost(Duration.ofSeconds(30)).until(() -> browser.getTitle().startsWith("Overview"));
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    web.close();
  }

  @Test
  void everyPageOfTheNavigationLoadsItsScriptAndStyleWithoutConsoleErrors() {
    for (String[] page : new String[][] {{"Overview", "overview"}, {"Cluster", "cluster"}, {"Topics", "topics"},
        {"Consumer groups", "groups"}, {"Applications", "apps"}, {"Dead letters", "dead-letter-topics"}}) {
      browser.get(web.url().toString());
      if (!page[0].equals("Overview")) {
        Browser.clickAndLoad(browser, By.linkText(page[0]));
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> Boolean.TRUE.equals(
          browser.executeScript("return typeof htmx !== 'undefined' && document.readyState === 'complete'")));

      assertThat(browser.getTitle()).startsWith(page[0]);
      assertThat(browser.findElement(By.tagName("nav")).getCssValue("background-color"))
          .as("gregor.css applied").isEqualTo("rgba(29, 35, 48, 1)");
      assertThat(Browser.consoleErrors(browser)).as("console of %s", page[0]).isEmpty();
      Browser.screenshot(browser, page[1]);
    }
  }

  @Test
  void aLoggedInUserFindsATopicAndReadsItsMessages(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(2);
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers())) {
      gregor.deliverMessage(topic, "{\"order\":\"o-1\",\"amount\":20}", Produce.partition(0).withKey("ann"));
      gregor.deliverMessage(topic, "second message", Produce.partition(0).withKey("bob"));
    }
    browser.get(web.url().toString());
    Browser.screenshot(browser, "overview");

    Browser.clickAndLoad(browser, By.linkText("Topics"));
    Browser.screenshot(browser, "topics");
    Browser.clickAndLoad(browser, By.linkText(topic));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Topic " + topic);
    Browser.screenshot(browser, "topic");
    Browser.clickAndLoad(browser, By.linkText("messages"));
    new Select(browser.findElement(By.name("format"))).selectByValue("json");
    browser.findElement(By.name("offset")).clear();
    browser.findElement(By.name("offset")).sendKeys("0");
    Browser.clickAndLoad(browser, By.cssSelector("form.filters button"));

    String page = browser.findElement(By.tagName("main")).getText();
    assertThat(page).contains("offset 0", "key ann", "\"order\" : \"o-1\"", "offset 1", "second message");
    Browser.screenshot(browser, "messages");
  }

  @Test
  void aGroupsOffsetsAreResetAfterItsPlanIsShown(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);
    String group = topic + "-readers";
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers())) {
      for (int i = 0; i < 5; i++) {
        gregor.deliverMessage(topic, "message " + i);
      }
      readAndCommit(gregor, group, topic, 5);
    }
    browser.get(web.url().resolve("/groups").toString());
    Browser.clickAndLoad(browser, By.linkText(group));
    assertThat(browser.findElement(By.id("offsets")).getText()).contains(topic + " 0 5 5 0");
    Browser.screenshot(browser, "group");

    browser.findElement(By.name("topic")).sendKeys(topic);
    new Select(browser.findElement(By.name("to"))).selectByValue("earliest");
    Browser.clickAndLoad(browser, By.xpath("//button[text()='Plan']"));
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("Nothing has changed yet", "0 5 0");
    Browser.screenshot(browser, "reset-plan");
    Browser.clickAndLoad(browser, By.xpath("//button[text()='Apply this reset']"));

    assertThat(browser.findElement(By.cssSelector(".notice.ok")).getText()).isEqualTo("Offsets of " + topic + " reset.");
    assertThat(browser.findElement(By.id("offsets")).getText()).contains(topic + " 0 0 5 5");
  }

  @Test
  void aMessageIsRepublishedToAnotherTopic(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);
    String target = topics.create(1);
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers())) {
      gregor.deliverMessage(topic, "replay me", Produce.key("k-1").header("origin", "web-test"));
    }
    browser.get(web.url().resolve("/topics/" + topic + "/messages?offset=0").toString());

    browser.findElement(By.name("to")).clear();
    browser.findElement(By.name("to")).sendKeys(target);
    Browser.clickAndLoad(browser, By.xpath("//button[text()='Republish']"));
    assertThat(browser.findElement(By.cssSelector(".notice.ok")).getText()).contains("to " + target);
    Browser.clickAndLoad(browser, By.linkText("See it"));

    assertThat(browser.findElement(By.tagName("main")).getText()).contains("replay me", "key k-1", "origin: web-test");
  }

  @Test
  void aDeadLetterIsShownWithItsErrorAndReplayedToItsOrigin(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);
    String deadLetters = topic + "_dlt";
    App app = App.builder().environment(Map.of())
        .setup(config -> config.name(topic.replace('.', '_') + "_app").kafkaHosts(kafka.bootstrapServers()))
        .routes(routes -> routes.topic(topic, route -> route.controller(RejectingController.class)
            .retries(1, Duration.ofMillis(10)).deadLetter(deadLetters)))
        .build();
    try (app; Gregor gregor = Gregor.connect(kafka.bootstrapServers())) {
      app.start();
      gregor.deliverMessage(topic, "{\"order\":\"o-13\"}", Produce.key("o-13").header("trace", "t-1"));
      await().atMost(Duration.ofSeconds(60)).until(() -> gregor.topics().list().contains(deadLetters)
          && gregor.latestOffset(deadLetters, 0) == 1);
      app.stop(); // the replayed message must stay unread for the check below
      browser.get(web.url().toString());

      Browser.clickAndLoad(browser, By.linkText("Dead letters"));
      Browser.clickAndLoad(browser, By.linkText(deadLetters));
      assertThat(browser.findElement(By.tagName("main")).getText())
          .contains("from " + topic + " partition 0 offset 0", "IllegalStateException: order o-13 cannot be shipped");
      Browser.screenshot(browser, "dead-letters");
      Browser.clickAndLoad(browser, By.xpath("//button[starts-with(text(), 'Replay to')]"));

      assertThat(browser.findElement(By.cssSelector(".notice.ok")).getText())
          .isEqualTo("Replayed offset 0 to " + topic + " partition 0 at offset 1.");
      Message replayed = gregor.fetch(topic, 0, dev.gregor.client.Offset.at(1)).messages().get(0);
      assertThat(replayed.valueAsString()).isEqualTo("{\"order\":\"o-13\"}");
      assertThat(replayed.keyAsString()).isEqualTo("o-13");
      assertThat(replayed.header("trace")).isEqualTo("t-1");
      assertThat(replayed.headers()).noneMatch(header -> header.name().startsWith("gregor-dlt-"));
    }
  }

  @Test
  void aReportingAppIsShownAndAPartitionPausedFromItsPageStaysPausedUntilResumed(EmbeddedKafka kafka,
      TestTopics topics) {
    String topic = topics.create(2);
    String reports = topics.next();
    String commands = topics.next();
    String name = topic.replace('.', '_') + "_app";
    App app = App.builder().environment(Map.of())
        .setup(config -> config.name(name).kafkaHosts(kafka.bootstrapServers()).reporting(true)
            .reportsTopic(reports).commandsTopic(commands).reportInterval(Duration.ofMillis(500)))
        .routes(routes -> routes.topic(topic, route -> route.controller(CountingController.class)))
        .build();
    try (app; Dashboard appsWeb = Dashboard.builder().bootstrapServers(kafka.bootstrapServers()).port(0)
        .user("ops", PASSWORD).reportsTopic(reports).commandsTopic(commands).start()) {
      app.start();
      ChromeDriver page = browser;
      page.get(appsWeb.url().resolve("/login?next=%2Fapps").toString());
      page.findElement(By.name("user")).sendKeys("ops");
      page.findElement(By.name("password")).sendKeys(PASSWORD);
      Browser.clickAndLoad(page, By.cssSelector("main button[type=submit]"));
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        page.navigate().refresh();
        return page.findElement(By.tagName("main")).getText().contains(name);
      });
      Browser.clickAndLoad(page, By.linkText(name));
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        page.navigate().refresh();
        return page.findElements(By.xpath("//button[text()='Pause']")).size() == 2;
      });

      Browser.clickAndLoad(page, By.xpath("//button[text()='Pause']"));
      assertThat(page.findElement(By.cssSelector(".notice.ok")).getText()).startsWith("Command pause sent");
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        page.navigate().refresh();
        return page.findElements(By.xpath("//button[text()='Resume']")).size() == 1;
      });
      assertThat(page.findElement(By.tagName("main")).getText()).contains("paused", "CountingController");
      Browser.screenshot(page, "app");
      page.executeScript("document.querySelector('div.flow').scrollIntoView()");
      Browser.screenshot(page, "app-flow");
      Browser.clickAndLoad(page, By.xpath("//button[text()='Resume']"));
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        page.navigate().refresh();
        return page.findElements(By.xpath("//button[text()='Pause']")).size() == 2;
      });
    }
  }

  /** Counts what it performs. */
  public static final class CountingController extends Controller {
    @Override
    protected void perform() {}
  }

  /** Refuses every order, so each ends as a dead letter. */
  public static final class RejectingController extends Controller {
    @Override
    protected void perform() {
      throw new IllegalStateException("order " + params().key() + " cannot be shipped");
    }
  }

  private static void readAndCommit(Gregor gregor, String group, String topic, int count) {
    try (GroupConsumer consumer = gregor.consumer(group)) {
      consumer.subscribe(true, topic);
      int seen = 0;
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (seen < count && System.nanoTime() < deadline) {
        Event event = consumer.poll(Duration.ofMillis(200));
        if (event instanceof Message message) {
          consumer.markMessageAsProcessed(message);
          seen++;
        }
      }
      consumer.commitOffsets();
    }
  }
}
