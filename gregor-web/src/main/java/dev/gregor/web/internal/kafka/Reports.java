package dev.gregor.web.internal.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gregor.client.Fetch;
import dev.gregor.client.Gregor;
import dev.gregor.client.Message;
import dev.gregor.client.Offset;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reports framework processes publish (version 1: one JSON object per process every few seconds) read back
 * from the end of the reports topic: the newest of each process, and each app's history for the charts.
 */
public final class Reports {
  /** How many of the newest reports are read per partition: minutes of history for a few processes. */
  static final int READ = 2000;
  /** A process whose newest report is older than this, and that did not say it stopped, is shown as gone. */
  public static final Duration GONE_AFTER = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<JsonNode> all;

  private Reports(List<JsonNode> all) {
    this.all = all;
  }

  /** Reads the newest reports; an absent topic is no reports. */
  public static Reports read(Gregor kafka, String topic) {
    if (!kafka.topics().list().contains(topic)) {
      return new Reports(List.of());
    }
    List<JsonNode> reports = new ArrayList<>();
    for (int partition = 0; partition < kafka.partitionsFor(topic); partition++) {
      long latest = kafka.latestOffset(topic, partition);
      long next = Math.max(kafka.earliestOffset(topic, partition), latest - READ);
      while (next < latest) {
        Fetch fetch = kafka.fetch(topic, partition, Offset.at(next), 1, Duration.ofMillis(100), 4 * 1024 * 1024);
        if (fetch.messages().isEmpty()) {
          break;
        }
        for (Message message : fetch.messages()) {
          JsonNode report = parse(message.value());
          if (report != null) {
            reports.add(report);
          }
        }
        next = fetch.nextOffset();
      }
    }
    reports.sort(Comparator.comparing(report -> report.path("at").asText()));
    return new Reports(reports);
  }

  /** The newest report of every process, by app name then process. */
  public Map<String, Map<String, JsonNode>> newestByApp() {
    Map<String, Map<String, JsonNode>> apps = new java.util.TreeMap<>();
    for (JsonNode report : all) {
      apps.computeIfAbsent(report.path("app").asText(), app -> new LinkedHashMap<>())
          .put(report.path("process").asText(), report);
    }
    return apps;
  }

  /** Every report of {@code app}, oldest first. */
  public List<JsonNode> history(String app) {
    return all.stream().filter(report -> report.path("app").asText().equals(app)).toList();
  }

  /** running, quiet or stopped as the process said, or gone when it has not reported for a while. */
  public static String state(JsonNode report, Instant now) {
    String state = report.path("state").asText("running");
    if (!state.equals("stopped") && at(report).plus(GONE_AFTER).isBefore(now)) {
      return "gone";
    }
    return state;
  }

  /** When the report was made. */
  public static Instant at(JsonNode report) {
    try {
      return Instant.parse(report.path("at").asText());
    } catch (RuntimeException e) {
      return Instant.EPOCH;
    }
  }

  /** A version-1 report, or null for anything else (another version, not JSON, not a report). */
  private static JsonNode parse(byte[] value) {
    if (value == null) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(value);
      return node != null && node.path("version").asInt() == 1 && node.path("type").asText().equals("report")
          ? node : null;
    } catch (IOException e) {
      return null;
    }
  }
}
