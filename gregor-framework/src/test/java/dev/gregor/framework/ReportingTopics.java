package dev.gregor.framework;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gregor.client.Gregor;
import dev.gregor.client.Message;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.TestTopics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

/** A test's own reports and commands topics (so tests never see each other's), and reading and writing them. */
final class ReportingTopics {
  static final Duration WAIT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  final String reports;
  final String commands;

  ReportingTopics(TestTopics topics) {
    this.reports = topics.next();
    this.commands = topics.next();
  }

  /** An app reporting to these topics every 200 ms, with 2 perform threads. */
  App.Builder app(EmbeddedKafka kafka, String app) {
    return Apps.on(kafka, app).setup(config -> config.reporting(true).reportsTopic(reports).commandsTopic(commands)
        .reportInterval(Duration.ofMillis(200)).concurrency(2));
  }

  List<JsonNode> reports(Gregor gregor) {
    return Apps.read(gregor, reports).stream().map(ReportingTopics::json).toList();
  }

  /** The first report matching {@code wanted}, once one was published. */
  JsonNode awaitReport(Gregor gregor, Predicate<JsonNode> wanted) {
    return await().atMost(WAIT).until(() -> reports(gregor).stream().filter(wanted).findFirst(), Optional::isPresent)
        .orElseThrow();
  }

  /** Writes a version 1 command; {@code extra} is more JSON fields, such as {@code "topic":"t","partition":0}. */
  void command(Gregor gregor, String app, String process, String command, String extra) {
    gregor.deliverMessage(commands, "{\"version\":1,\"type\":\"command\",\"id\":\"" + UUID.randomUUID() + "\",\"app\":\""
        + app + "\",\"process\":\"" + process + "\",\"command\":\"" + command + "\"" + (extra.isEmpty() ? "" : "," + extra)
        + ",\"at\":\"2026-12-04T10:00:00Z\"}");
  }

  static JsonNode json(Message message) {
    try {
      return JSON.readTree(message.valueAsString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The report's jobs.recent entries matching {@code wanted}. */
  static List<JsonNode> jobs(JsonNode report, Predicate<JsonNode> wanted) {
    return StreamSupport.stream(report.path("jobs").path("recent").spliterator(), false).filter(wanted).toList();
  }
}
