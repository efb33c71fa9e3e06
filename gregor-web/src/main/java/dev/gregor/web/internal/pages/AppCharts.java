package dev.gregor.web.internal.pages;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gregor.web.internal.kafka.Reports;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * An app's lines over time from its reports: after each report, the app as a whole — messages/s and lag summed over
 * its live processes' newest reports, utilisation averaged over those that have such threads — so processes
 * reporting in turn do not make a line zigzag between them.
 */
final class AppCharts {
  private AppCharts() {}

  /** The charts for {@code history} (one app's reports, oldest first). */
  static String of(List<JsonNode> history) {
    Predicate<JsonNode> server = r -> r.path("server").asBoolean();
    Predicate<JsonNode> workers = r -> r.path("workers").asInt() > 0;
    return "<div class=\"charts\">"
        + Sparkline.of("messages/s", series(history, r -> r.path("perSecond").asDouble(), r -> true, false))
        + Sparkline.of("lag", series(history, r -> (double) AppsPage.lag(r), r -> true, false))
        + (history.stream().anyMatch(server) ? Sparkline.of("utilisation %", series(history,
            r -> 100 * r.path("threads").path("utilisation").asDouble(), server, true)) : "")
        + (history.stream().anyMatch(workers) ? Sparkline.of("worker utilisation %", series(history,
            r -> 100 * r.path("jobs").path("utilisation").asDouble(), workers, true)) : "")
        + "</div>";
  }

  /**
   * One value per report: over the processes' newest reports that {@code counts}, the sum or the mean; a process
   * that stopped, or had not reported for {@link Reports#GONE_AFTER} by then, no longer counts.
   */
  static List<Double> series(List<JsonNode> history, ToDoubleFunction<JsonNode> value, Predicate<JsonNode> counts,
      boolean mean) {
    Map<String, JsonNode> newest = new LinkedHashMap<>();
    List<Double> points = new ArrayList<>();
    for (JsonNode report : history) {
      String process = report.path("process").asText();
      if (report.path("state").asText().equals("stopped")) {
        newest.remove(process);
      } else {
        newest.put(process, report);
      }
      Instant gone = Reports.at(report).minus(Reports.GONE_AFTER);
      double sum = 0;
      int counted = 0;
      for (JsonNode latest : newest.values()) {
        if (counts.test(latest) && !Reports.at(latest).isBefore(gone)) {
          sum += value.applyAsDouble(latest);
          counted++;
        }
      }
      if (counted > 0) {
        points.add(mean ? sum / counted : sum);
      }
    }
    return points;
  }
}
