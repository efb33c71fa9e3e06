package dev.gregor.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gregor.client.Gregor;
import dev.gregor.client.Produce;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

// Issue 16: processes publish reports to a reports topic and obey commands from a commands topic; each test has its
// own pair of topics, so tests never see each other's reports or commands.
@EmbeddedKafkaTest
class ReportingTest {
  private static final Duration WAIT = ReportingTopics.WAIT;

  private ReportingTopics reporting;

  private App.Builder reporting(EmbeddedKafka kafka, TestTopics topics, String app) {
    reporting = new ReportingTopics(topics);
    return reporting.app(kafka, app);
  }

  private String reportsTopic() {
    return reporting.reports;
  }

  private String commandsTopic() {
    return reporting.commands;
  }

  private List<JsonNode> reports(Gregor gregor) {
    return reporting.reports(gregor);
  }

  private JsonNode awaitReport(Gregor gregor, Predicate<JsonNode> wanted) {
    return reporting.awaitReport(gregor, wanted);
  }

  private void command(Gregor gregor, String app, String process, String command, String topic, int partition) {
    reporting.command(gregor, app, process, command,
        topic == null ? "" : "\"topic\":\"" + topic + "\",\"partition\":" + partition);
  }

  private static JsonNode partition(JsonNode report, int partition) {
    return StreamSupport.stream(report.get("partitions").spliterator(), false)
        .filter(p -> p.get("partition").asInt() == partition).findFirst().orElse(null);
  }

  private static boolean partitionShows(JsonNode report, int partition, Predicate<JsonNode> wanted) {
    JsonNode shown = partition(report, partition);
    return shown != null && wanted.test(shown);
  }

  @Test
  void aRunningAppReportsItsProcessRoutesPartitionsAndGrowingCountsAndALastStoppedReport(EmbeddedKafka kafka,
      TestTopics topics) throws Exception {
    String clean = topics.next();
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers())) {
      gregor.topics().create("acme." + clean, t -> t.partitions(2));
      App app = reporting(kafka, topics, "reported").setup(config -> config.topicMapper(TopicMapper.prefix("acme")))
          .routes(routes -> routes.topic(clean, route -> route.controller(InlineProcessingTest.VideosController.class)
              .parser(Parser.text()).deadLetter(clean + "_dlt"))).build();
      try (app) {
        app.start();
        gregor.deliverMessage("acme." + clean, "a", Produce.partition(0));
        gregor.deliverMessage("acme." + clean, "b", Produce.partition(1));
        gregor.deliverMessage("acme." + clean, "c", Produce.partition(1));
        JsonNode first = awaitReport(gregor, r -> r.get("processed").asLong() == 3
            && partitionShows(r, 0, p -> p.get("committed").asLong() == 1 && p.get("lag").asLong() == 0)
            && partitionShows(r, 1, p -> p.get("committed").asLong() == 2 && p.get("lag").asLong() == 0));

        assertThat(first.get("version").asInt()).isEqualTo(1);
        assertThat(first.get("type").asText()).isEqualTo("report");
        assertThat(first.get("app").asText()).isEqualTo("reported");
        assertThat(first.get("process").asText()).matches(".+:" + ProcessHandle.current().pid() + ":[0-9a-f]{8}")
            .startsWith(first.get("host").asText() + ":");
        assertThat(first.get("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
        assertThat(first.get("state").asText()).isEqualTo("running");
        assertThat(first.get("server").asBoolean()).isTrue();
        assertThat(first.get("workers").asInt()).isZero();
        assertThat(first.get("threads").get("total").asInt()).isEqualTo(2);
        assertThat(first.get("failed").asLong()).isZero();
        assertThat(first.get("errors")).isEmpty();
        assertThat(first.get("jobs").get("done").asLong()).isZero();
        assertThat(java.time.Instant.parse(first.get("at").asText()))
            .isAfterOrEqualTo(java.time.Instant.parse(first.get("startedAt").asText()));
        assertThat(partition(first, 0).get("group").asText()).isEqualTo("reported_" + clean);
        assertThat(partition(first, 0).get("topic").asText()).isEqualTo("acme." + clean);
        assertThat(partition(first, 0).get("paused").asBoolean()).isFalse();
        JsonNode route = first.get("routes").get(0);
        assertThat(route.get("topic").asText()).isEqualTo(clean);
        assertThat(route.get("kafkaTopic").asText()).isEqualTo("acme." + clean);
        assertThat(route.get("group").asText()).isEqualTo("reported_" + clean);
        assertThat(route.get("controller").asText()).isEqualTo(InlineProcessingTest.VideosController.class.getName());
        assertThat(route.get("parser").asText()).isEqualTo("text");
        assertThat(route.get("responder").isNull()).isTrue();
        assertThat(route.get("inline").asBoolean()).isTrue();
        assertThat(route.get("queue").isNull()).isTrue();
        assertThat(route.get("batch").asBoolean()).isFalse();
        assertThat(route.get("ordering").asText()).isEqualTo("partition");
        assertThat(route.get("deadLetter").asText()).isEqualTo("acme." + clean + "_dlt");
        assertThat(route.get("retryTopics")).isEmpty();
        assertThat(Apps.read(gregor, reportsTopic())).allSatisfy(m -> assertThat(m.keyAsString())
            .isEqualTo(first.get("process").asText()));

        gregor.deliverMessage("acme." + clean, "d", Produce.partition(0));
        awaitReport(gregor, r -> r.get("processed").asLong() == 4);
      }
      List<JsonNode> all = reports(gregor);
      JsonNode last = all.get(all.size() - 1);
      assertThat(last.get("state").asText()).isEqualTo("stopped");
      assertThat(last.get("processed").asLong()).isEqualTo(4);
      assertThat(last.get("partitions")).isEmpty();
    }
  }

  @Test
  void aPauseCommandHoldsThePartitionAndAResumeCommandProcessesWhatWaited(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(2);
    App app = reporting(kafka, topics, "paused").routes(routes -> routes.topic(topic, route -> route
        .controller(InlineProcessingTest.VideosController.class).parser(Parser.text()))).build();
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers()); app) {
      app.start();
      String process = awaitReport(gregor, r -> r.get("partitions").size() == 2).get("process").asText();

      command(gregor, "paused", process, "pause", topic, 0);
      awaitReport(gregor, r -> partitionShows(r, 0, p -> p.get("paused").asBoolean()));
      gregor.deliverMessage(topic, "held", Produce.partition(0));
      gregor.deliverMessage(topic, "passes", Produce.partition(1));
      await().atMost(WAIT).until(() -> Recorded.performed(topic).stream().anyMatch(p -> p.rawString().equals("passes")));
      assertThat(Recorded.performed(topic)).extracting(Params::rawString).containsExactly("passes");

      command(gregor, "paused", process, "resume", topic, 0);
      await().atMost(WAIT).until(() -> Recorded.count(topic) == 2);
      assertThat(Recorded.performed(topic)).extracting(Params::rawString).containsExactly("passes", "held");
      awaitReport(gregor, r -> r.get("processed").asLong() == 2
          && partitionShows(r, 0, p -> !p.get("paused").asBoolean() && p.get("committed").asLong() == 1));
    }
  }

  @Test
  void aCommandedPauseIsNotUndoneWhenTheListenerResumesThePartitionAfterADelay(EmbeddedKafka kafka,
      TestTopics topics) {
    String topic = topics.create(2);
    App app = reporting(kafka, topics, "delayed").routes(routes -> routes.topic(topic, route -> route
        .controller(InlineProcessingTest.VideosController.class).parser(Parser.text())
        .delay(Duration.ofSeconds(5)))).build();
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers()); app) {
      app.start();
      String process = awaitReport(gregor, r -> r.get("partitions").size() == 2).get("process").asText();
      gregor.deliverMessage(topic, "gated", Produce.partition(0));
      // Fetched and waiting for its due time, the partition paused by the listener meanwhile.
      awaitReport(gregor, r -> partitionShows(r, 0, p -> p.get("committed").asLong() == 0 && p.get("lag").asLong() == 1));

      command(gregor, "delayed", process, "pause", topic, 0);
      awaitReport(gregor, r -> partitionShows(r, 0, p -> p.get("paused").asBoolean()));
      gregor.deliverMessage(topic, "held", Produce.partition(0));
      gregor.deliverMessage(topic, "passes", Produce.partition(1));
      // "gated" came due (its gate emptied, which resumes a partition paused only for the delay) and "passes" too.
      await().atMost(WAIT).until(() -> Recorded.count(topic) >= 2);
      assertThat(Recorded.performed(topic)).extracting(Params::rawString).containsExactlyInAnyOrder("gated", "passes");

      command(gregor, "delayed", process, "resume", topic, 0);
      await().atMost(WAIT).until(() -> Recorded.count(topic) == 3);
      assertThat(Recorded.performed(topic)).extracting(Params::rawString).contains("held");
    }
  }

  @Test
  void aQuietCommandMakesTheReportQuietAndAStopCommandStopsTheApp(EmbeddedKafka kafka, TestTopics topics)
      throws Exception {
    String topic = topics.create(1);
    App app = reporting(kafka, topics, "commanded").routes(routes -> routes.topic(topic, route -> route
        .controller(InlineProcessingTest.VideosController.class).parser(Parser.text()))).build();
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers()); app) {
      app.start();
      awaitReport(gregor, r -> r.get("state").asText().equals("running"));

      command(gregor, "commanded", "*", "quiet", null, 0);
      awaitReport(gregor, r -> r.get("state").asText().equals("quiet"));
      assertThat(app.isRunning()).isTrue();

      command(gregor, "commanded", "*", "stop", null, 0);
      assertThat(app.awaitStopped(WAIT)).isTrue();
      List<JsonNode> all = reports(gregor);
      assertThat(all.get(all.size() - 1).get("state").asText()).isEqualTo("stopped");
    }
  }

  @Test
  void commandsForAnotherAppOrProcessAndUnknownOnesAreIgnored(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(2);
    App app = reporting(kafka, topics, "addressed").routes(routes -> routes.topic(topic, route -> route
        .controller(InlineProcessingTest.VideosController.class).parser(Parser.text()))).build();
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers()); app) {
      app.start();
      String process = awaitReport(gregor, r -> r.get("partitions").size() == 2).get("process").asText();

      command(gregor, "someone_else", "*", "pause", topic, 0);
      command(gregor, "addressed", process.substring(0, process.length() - 8) + "00000000", "pause", topic, 0);
      command(gregor, "addressed", process, "explode", topic, 0);
      gregor.deliverMessage(commandsTopic(), "{\"version\":2,\"type\":\"command\",\"id\":\"v2\",\"app\":\"addressed\","
          + "\"process\":\"*\",\"command\":\"pause\",\"topic\":\"" + topic + "\",\"partition\":0}");
      gregor.deliverMessage(commandsTopic(), "not json");
      // Commands are read in order from one partition: once this one is carried out, those before were read.
      command(gregor, "addressed", process, "pause", topic, 1);

      JsonNode after = awaitReport(gregor, r -> partitionShows(r, 1, p -> p.get("paused").asBoolean()));
      assertThat(partition(after, 0).get("paused").asBoolean()).isFalse();
      assertThat(app.isRunning()).isTrue();
    }
  }

  @Test
  void withoutTheSettingAnAppPublishesNothingAndCreatesNoReportingTopics(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);
    String reports = topics.next();
    String commands = topics.next();
    App app = Apps.on(kafka, "unreported").setup(config -> config.reportsTopic(reports).commandsTopic(commands)
        .reportInterval(Duration.ofMillis(100))).routes(routes -> routes.topic(topic, route -> route
        .controller(InlineProcessingTest.VideosController.class).parser(Parser.text()))).build();
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers())) {
      try (app) {
        app.start();
        gregor.deliverMessage(topic, "one");
        await().atMost(WAIT).until(() -> Recorded.count(topic) == 1);
      }
      assertThat(app.settings().reporting()).isFalse();
      assertThat(gregor.topics().list()).doesNotContain(reports, commands);
    }
  }
}
