package dev.gregor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import dev.gregor.framework.App;
import dev.gregor.framework.Controller;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/** Issue 16, "Jobs: … retry, delete": a job deleted from its page in a real Chromium is never performed again. */
@EmbeddedKafkaTest
class JobsBrowserTest {
  private static final String PASSWORD = "correct-horse";

  @Test
  void aJobDeletedWhileItRunsIsNotPerformedAgainAfterItsAttemptFails(EmbeddedKafka kafka, TestTopics topics,
      @TempDir Path profile) {
    String topic = topics.create(1);
    String name = topic.replace('.', '_').replace('-', '_') + "_app";
    kafka.createTopic(name + "_jobs", 1, 1);
    String reports = topics.next();
    String commands = topics.next();
    App app = App.builder().environment(Map.of())
        .setup(config -> config.name(name).kafkaHosts(kafka.bootstrapServers()).reporting(true).reportsTopic(reports)
            .commandsTopic(commands).reportInterval(Duration.ofMillis(300)))
        .routes(routes -> routes.topic(topic, route -> route.controller(StuckController.class).inlineMode(false)))
        .build();
    ChromeDriver page = Browser.start(profile);
    try (app; Dashboard web = Dashboard.builder().bootstrapServers(kafka.bootstrapServers()).port(0)
        .user("ops", PASSWORD).reportsTopic(reports).commandsTopic(commands).start()) {
      app.start().startWorkers(1);
      app.client().deliverMessage(topic, "{\"order\":\"stuck\"}");
      page.get(web.url().resolve("/login?next=%2Fapps%2F" + name + "%2Fjobs").toString());
      page.findElement(By.name("user")).sendKeys("ops");
      page.findElement(By.name("password")).sendKeys(PASSWORD);
      Browser.clickAndLoad(page, By.cssSelector("main button[type=submit]"));
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        page.navigate().refresh();
        return !page.findElements(By.xpath("//tr[td/span[text()='running']]//button[text()='Delete']")).isEmpty();
      });
      Browser.screenshot(page, "jobs");

      Browser.clickAndLoad(page, By.xpath("//tr[td/span[text()='running']]//button[text()='Delete']"));
      assertThat(page.findElement(By.cssSelector(".notice.ok")).getText()).startsWith("Job deleted");
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        page.navigate().refresh();
        return page.findElement(By.xpath("//table[thead/tr/th[text()='Deletions known']]/tbody/tr/td[last()]"))
            .getText().equals("1");
      });
      StuckController.RELEASE.countDown(); // the first attempt fails now; Kafka delivers the job again
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        page.navigate().refresh();
        return !page.findElements(By.xpath("//tr[td/span[text()='deleted']]")).isEmpty();
      });

      assertThat(StuckController.ATTEMPTS.get()).isEqualTo(1);
      assertThat(page.findElement(By.xpath("//tr[td/span[text()='deleted']]/td[4]")).getText()).isEqualTo("2");
    } finally {
      page.quit();
    }
  }

  /** Holds its first attempt until released, then fails, as a job stuck on a dead service would. */
  public static final class StuckController extends Controller {
    static final CountDownLatch RELEASE = new CountDownLatch(1);
    static final AtomicInteger ATTEMPTS = new AtomicInteger();

    @Override
    protected void perform() throws InterruptedException {
      ATTEMPTS.incrementAndGet();
      RELEASE.await(60, TimeUnit.SECONDS);
      throw new IllegalStateException("the shipping service did not answer");
    }
  }
}
