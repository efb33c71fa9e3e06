package dev.gregor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gregor.client.Gregor;
import dev.gregor.client.Message;
import dev.gregor.client.Offset;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import dev.gregor.framework.App;
import dev.gregor.framework.Controller;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The applications pages read version-1 reports (the framework's format, see docs/framework.md) and write
 * version-1 commands; here both are checked against reports written by hand, so the format is pinned.
 */
@EmbeddedKafkaTest
class AppPagesTest {
  private static final String PASSWORD = "correct-horse";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void reportsOfAnAppShowItsProcessesPartitionsRoutesAndErrorsAndAPauseBecomesACommand(EmbeddedKafka kafka,
      TestTopics topics) throws Exception {
    String reports = topics.create(1);
    String commands = topics.next();
    Instant now = Instant.now();
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers())) {
      gregor.deliverMessage(reports, report("shop", "host-a:11:aaaa0001", now.minusSeconds(600), "running", 5.0));
      gregor.deliverMessage(reports, report("shop", "host-b:22:bbbb0002", now.minusSeconds(10), "running", 7.0));
      gregor.deliverMessage(reports, report("shop", "host-b:22:bbbb0002", now, "running", 12.5));
      try (Dashboard web = Dashboard.builder().bootstrapServers(kafka.bootstrapServers()).port(0).user("ops", PASSWORD)
          .reportsTopic(reports).commandsTopic(commands).start()) {
        WebClient browser = new WebClient(web.url()).logIn("ops", PASSWORD);

        String apps = browser.get("/apps").body();
        String overview = browser.get("/").body();
        String app = browser.get("/apps/shop").body();
        HttpResponse<String> pause = browser.post("/apps/shop/commands", "command", "pause",
            "process", "host-b:22:bbbb0002", "topic", "shop.orders", "partition", "1");
        HttpResponse<String> unknown = browser.get("/apps/billing");

        assertThat(apps).contains(">shop</a>", "1 of 2", "12.5");
        assertThat(overview).contains("<h2>Applications</h2>", ">shop</a>", "messages/s: 12.5 now", "<polyline");
        assertThat(app).contains("host-b:22:bbbb0002", "state running", "state gone", "shop.orders", "Pause",
            "OrdersController", "orders_confirmed", "dead letters", "boom in perform", "at Example.perform",
            "messages/s: 12.5 now", "utilisation %: 25.0 now", "worker utilisation %: 50.0 now", "25 % busy");
        assertThat(app).contains("<svg class=\"flow-graph\"", "<g class=\"node controller\"><title>com.x.OrdersController",
            "<g class=\"node controller\"><title>com.x.MailController", "class=\"edge dead\"", "class=\"edge jobs\"")
            .containsOnlyOnce("<title>shop.orders_confirmed</title>"); // written by one route, read by the other
        assertThat(pause.statusCode()).isEqualTo(303);
        assertThat(pause.headers().firstValue("Location")).hasValue("/apps/shop?sent=pause");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("No reports of an app named 'billing'");

        List<Message> sent = gregor.fetch(commands, 0, Offset.EARLIEST).messages();
        assertThat(sent).hasSize(1);
        JsonNode command = JSON.readTree(sent.get(0).value());
        assertThat(sent.get(0).keyAsString()).isEqualTo("shop");
        assertThat(command.path("version").asInt()).isEqualTo(1);
        assertThat(command.path("type").asText()).isEqualTo("command");
        assertThat(command.path("command").asText()).isEqualTo("pause");
        assertThat(command.path("process").asText()).isEqualTo("host-b:22:bbbb0002");
        assertThat(command.path("topic").asText()).isEqualTo("shop.orders");
        assertThat(command.path("partition").asInt()).isEqualTo(1);
        assertThat(command.path("id").asText()).isNotBlank();
      }
    }
  }

  @Test
  void anAppsJobsPageShowsItsQueueWorkersAndJobsAndAJobEnqueuedAgainIsPerformedAgain(EmbeddedKafka kafka,
      TestTopics topics) {
    String topic = topics.create(1);
    String name = topic.replace('.', '_').replace('-', '_') + "_app";
    kafka.createTopic(name + "_jobs", 1, 1);
    String reports = topics.next();
    App app = App.builder().environment(Map.of())
        .setup(config -> config.name(name).kafkaHosts(kafka.bootstrapServers()).reporting(true).reportsTopic(reports)
            .commandsTopic(topics.next()).reportInterval(Duration.ofMillis(500)))
        .routes(routes -> routes.topic(topic, route -> route.controller(InvoiceController.class).inlineMode(false)))
        .build();
    try (app; Dashboard web = Dashboard.builder().bootstrapServers(kafka.bootstrapServers()).port(0)
        .user("ops", PASSWORD).reportsTopic(reports).start()) {
      app.start().startWorkers(1);
      app.client().deliverMessage(topic, "invoice 1");
      app.client().deliverMessage(topic, "invoice 2");
      await().atMost(Duration.ofSeconds(60)).until(() -> InvoiceController.PERFORMED.get() >= 2);
      WebClient browser = new WebClient(web.url()).logIn("ops", PASSWORD);
      await().atMost(Duration.ofSeconds(30)).until(() -> browser.get("/apps/" + name + "/jobs").body()
          .contains("<td>2</td><td>0</td><td>")); // a report with 2 done, 0 failed

      String page = browser.get("/apps/" + name + "/jobs").body();
      HttpResponse<String> again = browser.post("/topics/" + name + "_jobs/messages/0/0/republish",
          "to", name + "_jobs");

      assertThat(page).contains(name + "_jobs", "share group <code>" + name + "_workers", "Enqueue again", topic);
      assertThat(again.statusCode()).isEqualTo(200);
      await().atMost(Duration.ofSeconds(60)).until(() -> InvoiceController.PERFORMED.get() >= 3);
    }
  }

  @Test
  void theJobsPageShowsEachReportedJobsStateAndADeleteBecomesACommandForEveryProcess(EmbeddedKafka kafka,
      TestTopics topics) throws Exception {
    String reports = topics.create(1);
    String commands = topics.next();
    Instant now = Instant.now();
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers())) {
      gregor.deliverMessage(reports, report("shop", "host-b:22:bbbb0002", now, "running", 12.5));
      // A worker that ran job-stale, then reported without it: it ended, how is not known.
      String stale = "{\"version\":1,\"type\":\"report\",\"app\":\"shop\",\"process\":\"host-c:33:cccc0003\","
          + "\"state\":\"running\",\"server\":false,\"workers\":1,\"at\":\"%s\",\"jobs\":{\"recent\":[%s]}}";
      gregor.deliverMessage(reports, stale.formatted(now.minusSeconds(5), "{\"id\":\"job-stale\",\"route\":\"orders\","
          + "\"queue\":\"shop.jobs\",\"partition\":0,\"offset\":9,\"attempt\":1,\"state\":\"running\",\"at\":\""
          + now.minusSeconds(6) + "\"}"));
      gregor.deliverMessage(reports, stale.formatted(now, ""));
      try (Dashboard web = Dashboard.builder().bootstrapServers(kafka.bootstrapServers()).port(0).user("ops", PASSWORD)
          .reportsTopic(reports).commandsTopic(commands).start()) {
        WebClient browser = new WebClient(web.url()).logIn("ops", PASSWORD);

        String jobs = browser.get("/apps/shop/jobs").body();
        HttpResponse<String> delete = browser.post("/apps/shop/commands", "command", "delete_job", "process", "*",
            "job", "job-running");
        String after = browser.get(delete.headers().firstValue("Location").orElseThrow()).body();

        assertThat(jobs).contains("<h2>Jobs</h2>", "job-running", "state retrying", "job-dead", "state rejected",
            "gateway timeout", "job-ok", "state done", "shop.jobs 0@7", "50 %", "topic 'shop.jobs' does not exist");
        assertThat(jobs.indexOf("job-running")).isLessThan(jobs.indexOf("job-dead"));
        assertThat(jobs.indexOf("job-dead")).isLessThan(jobs.indexOf("job-ok"));
        assertThat(jobs).containsPattern("job-stale</code>.*?state ended");
        assertThat(jobs).containsOnlyOnce("value=\"delete_job\"").containsOnlyOnce("Enqueue again");
        assertThat(delete.statusCode()).isEqualTo(303);
        assertThat(delete.headers().firstValue("Location")).hasValue("/apps/shop/jobs?sent=delete_job");
        assertThat(after).contains("Job deleted");
        JsonNode command = JSON.readTree(gregor.fetch(commands, 0, Offset.EARLIEST).messages().get(0).value());
        assertThat(command.path("command").asText()).isEqualTo("delete_job");
        assertThat(command.path("job").asText()).isEqualTo("job-running");
        assertThat(command.path("process").asText()).isEqualTo("*");
      }
    }
  }

  /** Counts the invoices it renders (as jobs: its route is not inline). */
  public static final class InvoiceController extends Controller {
    static final AtomicInteger PERFORMED = new AtomicInteger();

    @Override
    protected void perform() {
      PERFORMED.incrementAndGet();
    }
  }

  @Test
  void withoutReportsThePageSaysHowAnAppStartsReporting(EmbeddedKafka kafka, TestTopics topics) {
    try (Dashboard web = Dashboard.builder().bootstrapServers(kafka.bootstrapServers()).port(0).user("ops", PASSWORD)
        .reportsTopic(topics.next()).start()) {
      String page = new WebClient(web.url()).logIn("ops", PASSWORD).get("/apps").body();

      assertThat(page).contains("No framework app reports", "config.reporting(true)");
    }
  }

  private static String report(String app, String process, Instant at, String state, double perSecond) {
    return """
        {"version":1,"type":"report","app":"%s","process":"%s","host":"h","pid":1,"startedAt":"%s","at":"%s",
         "state":"%s","server":true,"workers":2,"threads":{"busy":1,"total":8,"utilisation":0.25},"processed":120,
         "failed":1,
         "perSecond":%s,
         "partitions":[{"group":"shop_orders","topic":"shop.orders","partition":1,"paused":false,"committed":100,"lag":3}],
         "routes":[{"topic":"orders","kafkaTopic":"shop.orders","group":"shop_orders","controller":"com.x.OrdersController",
           "parser":"json","responder":"com.x.OrderResponder","responderTopics":["shop.orders_confirmed"],"inline":true,
           "queue":null,"batch":false,"ordering":"partition","deadLetter":"shop.orders_dlt","retryTopics":[]},
          {"topic":"orders_confirmed","kafkaTopic":"shop.orders_confirmed","group":"shop_orders_confirmed",
           "controller":"com.x.MailController","parser":"json","responder":null,"responderTopics":[],"inline":false,
           "queue":"shop.jobs","batch":false,"ordering":"partition","deadLetter":null,"retryTopics":[]}],
         "jobs":{"running":1,"done":3,"failed":2,"utilisation":0.5,"recent":[
           {"id":"job-running","route":"orders","queue":"shop.jobs","partition":0,"offset":7,"attempt":2,
            "state":"retrying","at":"%s","error":null},
           {"id":"job-dead","route":"orders","queue":"shop.jobs","partition":0,"offset":5,"attempt":5,
            "state":"rejected","at":"%s","error":"java.lang.IllegalStateException: gateway timeout"},
           {"id":"job-ok","route":"orders","queue":"shop.jobs","partition":0,"offset":6,"attempt":1,
            "state":"done","at":"%s","error":null}]},
         "errors":[{"at":"%s","origin":"controller","route":"orders","message":"boom in perform",
           "stack":"java.lang.IllegalStateException: boom\\n\\tat Example.perform(Example.java:1)"}]}
        """.formatted(app, process, at, at, state, perSecond, at, at, at, at);
  }
}
