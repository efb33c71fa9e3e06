package dev.gregor.web.internal.pages;

import static dev.gregor.web.internal.http.Html.esc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gregor.web.internal.http.Response;
import dev.gregor.web.internal.kafka.Reports;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * GET /apps/{app}: an app's processes (quiet, stop), partitions (pause, resume), throughput and lag over time,
 * routes as a flow, and recent errors with their stack traces; all from the processes' reports.
 */
public final class AppPage {
  private AppPage() {}

  public static Response show(PageContext context) {
    String app = context.request().pathParameter(0);
    Reports reports = context.reports();
    Map<String, JsonNode> processes = context.processesOf(reports, app);
    Instant now = Instant.now();
    StringBuilder body = new StringBuilder("<p><a href=\"/apps/" + dev.gregor.web.internal.http.Html.url(app)
        + "/jobs\">Jobs</a></p>");
    String sent = context.request().query("sent");
    if (sent != null) {
      body.append(Layout.notice("ok", "Command " + esc(sent) + " sent; the processes act on it within a report or "
          + "two."));
    }
    List<JsonNode> history = reports.history(app);
    body.append(AppCharts.of(history));
    body.append("<h2>Processes</h2>").append(processes(context, app, processes, now));
    body.append("<h2>Partitions</h2>").append(AppPartitions.table(context, app, processes, now));
    JsonNode newest = processes.values().stream().max(java.util.Comparator.comparing(Reports::at)).orElseThrow();
    body.append("<h2>Routes</h2>").append(AppRoutes.flow(newest.path("routes")));
    body.append("<h2>Recent errors</h2>").append(errors(processes));
    return Response.html(200, Layout.page("App " + app, context, body.toString()));
  }

  private static String processes(PageContext context, String app, Map<String, JsonNode> processes, Instant now) {
    StringBuilder rows = new StringBuilder();
    for (JsonNode report : processes.values()) {
      String process = report.path("process").asText();
      String state = Reports.state(report, now);
      String actions = "";
      if (context.writable() && state.matches("running|quiet")) {
        actions = (state.equals("running") ? AppCommands.button(context, app, process, "quiet", null, -1, "Quiet") : "")
            + AppCommands.button(context, app, process, "stop", null, -1, "Stop");
      }
      rows.append(Layout.row(esc(process), "<span class=\"state " + state + "\">" + state + "</span>",
          report.path("server").asBoolean() ? "server" + (report.path("workers").asInt() > 0 ? " + "
              + report.path("workers").asInt() + " workers" : "") : report.path("workers").asInt() + " workers",
          report.path("threads").path("busy").asInt() + " / " + report.path("threads").path("total").asInt() + " ("
              + Math.round(100 * report.path("threads").path("utilisation").asDouble()) + " % busy)",
          String.valueOf(report.path("processed").asLong()), String.format(java.util.Locale.ROOT, "%.1f",
              report.path("perSecond").asDouble()), String.valueOf(report.path("failed").asLong()),
          ago(Reports.at(report), now), actions));
    }
    return Layout.table(new String[] {"Process", "State", "Runs", "Busy threads", "Processed", "Messages/s", "Failed",
        "Reported", ""}, rows);
  }

  private static String errors(Map<String, JsonNode> processes) {
    StringBuilder html = new StringBuilder();
    for (JsonNode report : processes.values()) {
      for (JsonNode error : report.path("errors")) {
        html.append("<details class=\"error\"><summary>").append(esc(error.path("at").asText())).append(" · ")
            .append(esc(error.path("origin").asText())).append(" · ").append(esc(error.path("route").asText()))
            .append(" · ").append(esc(error.path("message").asText())).append("</summary><pre>")
            .append(esc(error.path("stack").asText())).append("</pre></details>");
      }
    }
    return html.isEmpty() ? "<p class=\"empty\">None reported.</p>" : html.toString();
  }

  static String ago(Instant at, Instant now) {
    long seconds = Math.max(0, Duration.between(at, now).toSeconds());
    return seconds < 120 ? seconds + " s ago" : seconds / 60 + " min ago";
  }

}
