package dev.gregor.framework.internal.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gregor.framework.Parser;
import dev.gregor.framework.Responder;
import dev.gregor.framework.Route;
import dev.gregor.framework.TopicMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The JSON of reports and commands (version 1), the contract with the dashboard: field names and meanings stay; new
 * fields may be added. Topic names are Kafka's (after the topic mapper), except a route's {@code topic}, which is its
 * clean name next to {@code kafkaTopic}.
 */
public final class ReportJson {
  public static final int VERSION = 1;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * A command as read from the commands topic; {@code topic} and {@code partition} only for pause and resume,
   * {@code job} only for delete_job.
   */
  public record Command(int version, String type, String id, String app, String process, String command,
      @Nullable String topic, int partition, @Nullable String job) {}

  private ReportJson() {}

  /** What a report says besides the routes, which do not change while the process runs. */
  public record Facts(String app, ProcessIdentity process, String state, boolean server, int workers, int busy,
      int threads, double utilisation, long processed, long failed, double perSecond, List<PartitionState> partitions,
      int jobsRunning, long jobsDone, long jobsFailed, double jobsUtilisation, List<JobStates.Job> jobs,
      int jobsDeletions, List<RecentErrors.Note> errors) {}

  public static String report(Facts facts, ArrayNode routes) {
    ObjectNode report = MAPPER.createObjectNode();
    report.put("version", VERSION).put("type", "report").put("app", facts.app())
        .put("process", facts.process().id()).put("host", facts.process().host()).put("pid", facts.process().pid())
        .put("startedAt", facts.process().startedAt().toString())
        .put("at", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString()).put("state", facts.state())
        .put("server", facts.server()).put("workers", facts.workers());
    report.putObject("threads").put("busy", facts.busy()).put("total", facts.threads())
        .put("utilisation", rounded(facts.utilisation()));
    report.put("processed", facts.processed()).put("failed", facts.failed())
        .put("perSecond", Math.round(facts.perSecond() * 100) / 100.0);
    ArrayNode partitions = report.putArray("partitions");
    for (PartitionState p : facts.partitions()) {
      partitions.addObject().put("group", p.group()).put("topic", p.topic()).put("partition", p.partition())
          .put("paused", p.paused()).put("committed", p.committed()).put("lag", p.lag());
    }
    report.set("routes", routes);
    ObjectNode jobs = report.putObject("jobs").put("running", facts.jobsRunning()).put("done", facts.jobsDone())
        .put("failed", facts.jobsFailed()).put("utilisation", rounded(facts.jobsUtilisation()))
        .put("deletions", facts.jobsDeletions());
    ArrayNode recent = jobs.putArray("recent");
    for (JobStates.Job job : facts.jobs()) {
      recent.addObject().put("id", job.id()).put("route", job.route()).put("queue", job.queue())
          .put("partition", job.partition()).put("offset", job.offset()).put("attempt", job.attempt())
          .put("state", job.state().name().toLowerCase(Locale.ROOT)).put("at", job.at().toString())
          .put("error", job.error());
    }
    ArrayNode errors = report.putArray("errors");
    for (RecentErrors.Note note : facts.errors()) {
      errors.addObject().put("at", note.at().toString()).put("origin", note.origin()).put("route", note.route())
          .put("message", note.message()).put("stack", note.stack());
    }
    return report.toString();
  }

  private static double rounded(double share) {
    return Math.round(share * 1000) / 1000.0;
  }

  /** The routes as reports list them; made once at start. */
  public static ArrayNode routes(List<Route> routes, TopicMapper mapper) {
    ArrayNode all = MAPPER.createArrayNode();
    for (Route route : routes) {
      ObjectNode node = all.addObject().put("topic", route.topic()).put("kafkaTopic", mapper.outgoing(route.topic()))
          .put("group", route.group()).put("controller", route.controller().getName())
          .put("parser", parserName(route.parser()));
      Responder responder = route.newResponder();
      node.put("responder", responder == null ? null : responder.getClass().getName());
      ArrayNode responderTopics = node.putArray("responderTopics");
      if (responder != null) {
        responder.topics().forEach(topic -> responderTopics.add(mapper.outgoing(topic)));
      }
      boolean toQueue = !route.inlineMode() && route.worker() == null;
      node.put("inline", route.inlineMode()).put("queue", toQueue ? mapper.outgoing(route.queue()) : null)
          .put("batch", route.batchMode()).put("ordering", route.ordering().name().toLowerCase(Locale.ROOT))
          .put("deadLetter", route.deadLetter() == null ? null : mapper.outgoing(route.deadLetter()));
      ArrayNode retryTopics = node.putArray("retryTopics");
      for (int retry = 1; retry <= route.retryTopics(); retry++) {
        retryTopics.add(mapper.outgoing(route.retryTopic(retry)));
      }
    }
    return all;
  }

  private static String parserName(Parser parser) {
    if (parser == Parser.json()) {
      return "json";
    }
    if (parser == Parser.raw()) {
      return "raw";
    }
    return parser == Parser.text() ? "text" : parser.getClass().getName();
  }

  /** The command in {@code value}; {@link IOException} when it is not JSON or lacks what every command has. */
  public static Command command(byte[] value) throws IOException {
    JsonNode node = MAPPER.readTree(value);
    if (node == null || !node.isObject()) {
      throw new IOException("not a JSON object");
    }
    return new Command(node.path("version").asInt(-1), node.path("type").asText(""), node.path("id").asText(""),
        node.path("app").asText(""), node.path("process").asText(""), node.path("command").asText(""),
        node.hasNonNull("topic") ? node.get("topic").asText() : null, node.path("partition").asInt(-1),
        node.hasNonNull("job") ? node.get("job").asText() : null);
  }

  /** A command as the dashboard writes it; for tests and tools. */
  public static String command(String id, String app, String process, String command, @Nullable String topic,
      int partition) {
    ObjectNode node = MAPPER.createObjectNode().put("version", VERSION).put("type", "command").put("id", id)
        .put("app", app).put("process", process).put("command", command);
    if (topic != null) {
      node.put("topic", topic).put("partition", partition);
    }
    return node.put("at", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString()).toString();
  }
}
