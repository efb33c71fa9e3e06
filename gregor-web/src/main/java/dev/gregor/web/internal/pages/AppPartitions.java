package dev.gregor.web.internal.pages;

import static dev.gregor.web.internal.http.Html.esc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gregor.web.internal.kafka.Reports;
import java.time.Instant;
import java.util.Map;

/** The partitions an app's live processes hold, as their reports say, with pause and resume. */
final class AppPartitions {
  private AppPartitions() {}

  static String table(PageContext context, String app, Map<String, JsonNode> processes, Instant now) {
    StringBuilder rows = new StringBuilder();
    for (JsonNode report : processes.values()) {
      if (!Reports.state(report, now).matches("running|quiet")) {
        continue;
      }
      String process = report.path("process").asText();
      for (JsonNode partition : report.path("partitions")) {
        boolean paused = partition.path("paused").asBoolean();
        String topic = partition.path("topic").asText();
        int number = partition.path("partition").asInt();
        String action = !context.writable() ? "" : paused
            ? AppCommands.button(context, app, process, "resume", topic, number, "Resume")
            : AppCommands.button(context, app, process, "pause", topic, number, "Pause");
        long lag = partition.path("lag").asLong(-1);
        rows.append(Layout.row(esc(partition.path("group").asText()), esc(topic), String.valueOf(number),
            paused ? "<span class=\"state paused\">paused</span>" : "fetching",
            String.valueOf(partition.path("committed").asLong(-1)), lag < 0 ? "–" : String.valueOf(lag), esc(process),
            action));
      }
    }
    return rows.isEmpty() ? "<p class=\"empty\">No live process holds a partition.</p>"
        : Layout.table(new String[] {"Group", "Topic", "Partition", "State", "Committed", "Lag", "Process", ""}, rows);
  }
}
