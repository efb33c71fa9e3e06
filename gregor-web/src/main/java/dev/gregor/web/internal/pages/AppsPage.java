package dev.gregor.web.internal.pages;

import static dev.gregor.web.internal.http.Html.esc;
import static dev.gregor.web.internal.http.Html.url;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gregor.web.internal.http.Response;
import dev.gregor.web.internal.kafka.Reports;
import java.time.Instant;
import java.util.Map;

/** GET /apps: every framework app that reports, with its processes' state, threads, throughput and lag. */
public final class AppsPage {
  private AppsPage() {}

  public static Response list(PageContext context) {
    Reports reports = context.reports();
    Map<String, Map<String, JsonNode>> apps = reports.newestByApp();
    if (apps.isEmpty()) {
      return Response.html(200, Layout.page("Applications", context, "<p class=\"empty\">No framework app reports to "
          + esc(context.settings().reportsTopic()) + " yet. An app reports with <code>setup(config -&gt; "
          + "config.reporting(true))</code> (or <code>GREGOR_REPORTING=true</code>).</p>"));
    }
    Instant now = Instant.now();
    StringBuilder rows = new StringBuilder();
    apps.forEach((app, processes) -> {
      long live = processes.values().stream().filter(r -> Reports.state(r, now).matches("running|quiet")).count();
      double perSecond = processes.values().stream().filter(r -> !Reports.state(r, now).equals("gone"))
          .mapToDouble(r -> r.path("perSecond").asDouble()).sum();
      long lag = processes.values().stream().filter(r -> !Reports.state(r, now).equals("gone"))
          .mapToLong(AppsPage::lag).sum();
      long errors = processes.values().stream().mapToLong(r -> r.path("errors").size()).sum();
      rows.append(Layout.row("<a href=\"/apps/" + url(app) + "\">" + esc(app) + "</a>", live + " of " + processes.size(),
          String.format(java.util.Locale.ROOT, "%.1f", perSecond), String.valueOf(lag), String.valueOf(errors)));
    });
    return Response.html(200, Layout.page("Applications", context,
        Layout.table(new String[] {"App", "Processes live", "Messages/s", "Lag", "Recent errors"}, rows)));
  }

  /** The lag of a report's partitions (unknown ones, -1, count as 0). */
  static long lag(JsonNode report) {
    long lag = 0;
    for (JsonNode partition : report.path("partitions")) {
      lag += Math.max(0, partition.path("lag").asLong());
    }
    return lag;
  }
}
