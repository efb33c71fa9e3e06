package dev.gregor.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gregor.client.Gregor;
import dev.gregor.client.Produce;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

// Issue 16, "Jobs: queued, running, retrying, dead — retry, delete" and "utilisation over time": what workers
// report about each job, how busy a process's threads were, and a job deleted from the dashboard.
@EmbeddedKafkaTest
class JobReportingTest {
  static final CountDownLatch RELEASE = new CountDownLatch(1);

  /** Holds its thread until the test releases it, so the thread is busy for whole report intervals. */
  static final class HoldingController extends Controller {
    @Override
    protected void perform() throws InterruptedException {
      RELEASE.await(60, TimeUnit.SECONDS);
      Recorded.performed(params());
    }
  }

  @Test
  void aProcessReportsWhatShareOfItsThreadsTimeWasBusyAndWhichJobIsRunning(EmbeddedKafka kafka, TestTopics topics) {
    String inline = topics.create(1);
    String queued = topics.create(1);
    String queue = topics.create(1);
    ReportingTopics reporting = new ReportingTopics(topics);
    App app = reporting.app(kafka, "busy-" + inline.hashCode()).routes(routes -> routes
        .topic(inline, route -> route.controller(HoldingController.class).parser(Parser.text()))
        .topic(queued, route -> route.controller(HoldingController.class).parser(Parser.text()).inlineMode(false)
            .queue(queue))).build();
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers()); app) {
      app.start().startWorkers(1);
      gregor.deliverMessage(inline, "held inline");
      gregor.deliverMessage(queued, "held job");

      // One of the two perform threads and the one worker thread held for a whole interval.
      JsonNode busy = reporting.awaitReport(gregor, r -> r.path("threads").path("utilisation").asDouble() >= 0.45
          && r.path("jobs").path("utilisation").asDouble() >= 0.9);
      RELEASE.countDown();

      assertThat(busy.path("threads").path("utilisation").asDouble()).isLessThanOrEqualTo(0.5);
      assertThat(busy.path("jobs").path("utilisation").asDouble()).isLessThanOrEqualTo(1.0);
      assertThat(ReportingTopics.jobs(busy, j -> j.path("state").asText().equals("running"))).singleElement()
          .satisfies(job -> {
            assertThat(job.path("route").asText()).isEqualTo(queued);
            assertThat(job.path("queue").asText()).isEqualTo(queue);
            assertThat(job.path("attempt").asInt()).isEqualTo(1);
            assertThat(job.path("id").asText()).hasSize(36);
          });
      JsonNode idle = reporting.awaitReport(gregor, r -> ReportingTopics.jobs(r, j -> j.path("state").asText()
          .equals("done")).size() == 1 && r.path("processed").asLong() == 2 && r.path("threads").path("busy").asInt() == 0
          && r.path("threads").path("utilisation").asDouble() == 0 && r.path("jobs").path("utilisation").asDouble() == 0);
      assertThat(idle.path("jobs").path("running").asInt()).isZero();
    }
  }

  @Test
  void aFailingJobIsReportedFailedPerAttemptThenRejectedAndAGoodOneDone(EmbeddedKafka kafka, TestTopics topics) {
    String good = topics.next();
    String bad = topics.next();
    String queue = topics.next();
    for (String topic : List.of(good, bad, queue)) {
      kafka.createTopic("acme." + topic, 1, 1); // behind a topic mapper, reports name Kafka's topics
    }
    ReportingTopics reporting = new ReportingTopics(topics);
    App app = reporting.app(kafka, "states-" + good.hashCode()).setup(config -> config.inlineMode(false)
        .defaultQueue(queue).topicMapper(TopicMapper.prefix("acme"))).routes(routes -> routes
        .topic(good, route -> route.controller(WorkerTest.JobsController.class).parser(Parser.text()))
        .topic(bad, route -> route.controller(WorkerTest.AlwaysFailing.class).parser(Parser.text()))).build();
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers()); app) {
      app.start().startWorkers(1);
      gregor.deliverMessage("acme." + good, "fine");
      gregor.deliverMessage("acme." + bad, "boom");

      JsonNode report = reporting.awaitReport(gregor, r -> !ReportingTopics.jobs(r, j -> j.path("state").asText()
          .equals("rejected")).isEmpty() && !ReportingTopics.jobs(r, j -> j.path("state").asText().equals("done")).isEmpty());

      JsonNode rejected = ReportingTopics.jobs(report, j -> j.path("state").asText().equals("rejected")).get(0);
      assertThat(rejected.path("route").asText()).isEqualTo(bad);
      assertThat(rejected.path("attempt").asInt()).isEqualTo(5);
      assertThat(rejected.path("queue").asText()).isEqualTo("acme." + queue);
      assertThat(rejected.path("error").asText()).contains("IllegalStateException", "service down for boom");
      List<JsonNode> failed = ReportingTopics.jobs(report, j -> j.path("state").asText().equals("failed"));
      assertThat(failed).extracting(j -> j.path("attempt").asInt()).containsExactlyInAnyOrder(1, 2, 3, 4);
      assertThat(failed).allSatisfy(j -> assertThat(j.path("id").asText()).isEqualTo(rejected.path("id").asText()));
      assertThat(ReportingTopics.jobs(report, j -> j.path("state").asText().equals("done"))).singleElement()
          .satisfies(j -> assertThat(j.path("route").asText()).isEqualTo(good));
      assertThat(report.path("jobs").path("failed").asLong()).isEqualTo(5);
    }
  }

  @Test
  void aJobDeletedWhileNoWorkerRanIsSkippedByWorkersThatStartLaterAndOlderCommandsAreNot(EmbeddedKafka kafka,
      TestTopics topics) {
    String topic = topics.create(1);
    String queue = topics.create(1);
    ReportingTopics reporting = new ReportingTopics(topics);
    String name = "deleting-" + topic.hashCode();
    App.Builder builder = reporting.app(kafka, name).setup(config -> config.inlineMode(false).defaultQueue(queue))
        .routes(routes -> routes.topic(topic, route -> route.controller(WorkerTest.JobsController.class)
            .parser(Parser.text())));
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers())) {
      try (App server = builder.build()) {
        server.start();
        gregor.deliverMessage(topic, "drop me", Produce.key("drop"));
        gregor.deliverMessage(topic, "keep me", Produce.key("keep"));
        await().atMost(ReportingTopics.WAIT).until(() -> Apps.read(gregor, queue).size() == 2);
      }
      String dropped = Apps.read(gregor, queue).stream().filter(job -> "drop".equals(job.keyAsString()))
          .map(job -> job.header("gregor-job-id")).findFirst().orElseThrow();
      reporting.command(gregor, name, "*", "delete_job", "\"job\":\"" + dropped + "\"");
      reporting.command(gregor, name, "*", "quiet", "");

      try (App workers = builder.build()) {
        workers.startWorkers(1);
        JsonNode report = reporting.awaitReport(gregor, r -> r.path("workers").asInt() == 1
            && ReportingTopics.jobs(r, j -> j.path("state").asText().equals("done")).size() == 1
            && ReportingTopics.jobs(r, j -> j.path("state").asText().equals("deleted")).size() == 1);

        assertThat(ReportingTopics.jobs(report, j -> j.path("state").asText().equals("deleted"))).singleElement()
            .satisfies(j -> assertThat(j.path("id").asText()).isEqualTo(dropped));
        assertThat(Recorded.performed(topic)).extracting(Params::rawString).containsExactly("keep me");
        assertThat(report.path("state").asText()).as("a quiet command from before the start").isEqualTo("running");
        assertThat(report.path("jobs").path("done").asLong()).isEqualTo(1);
        assertThat(report.path("jobs").path("deletions").asInt()).isEqualTo(1);
      }
    }
  }
}
