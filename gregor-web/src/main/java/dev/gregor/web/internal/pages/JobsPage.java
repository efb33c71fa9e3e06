package dev.gregor.web.internal.pages;

import static dev.gregor.web.internal.http.Html.esc;
import static dev.gregor.web.internal.http.Html.url;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gregor.client.GroupDescription;
import dev.gregor.client.Message;
import dev.gregor.web.internal.http.NotFound;
import dev.gregor.web.internal.http.Response;
import dev.gregor.web.internal.kafka.MessageSearch;
import dev.gregor.web.internal.kafka.Reports;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * GET /apps/{app}/jobs: the processes' running/done/failed counts and how busy their workers were, the jobs the
 * workers reported with their states (delete one not done, enqueue a rejected one again), the app's job queues (the
 * routes that are not inline), its workers' share group (members, and per partition what is not yet acknowledged),
 * and each queue's newest jobs.
 */
public final class JobsPage {
  static final String JOB_ID = "gregor-job-id";
  static final String JOB_ROUTE = "gregor-job-route";

  private JobsPage() {}

  public static Response show(PageContext context) {
    String app = context.request().pathParameter(0);
    Reports reports = context.reports();
    Map<String, JsonNode> processes = context.processesOf(reports, app);
    Instant now = Instant.now();
    TreeSet<String> queues = new TreeSet<>();
    StringBuilder counts = new StringBuilder();
    for (JsonNode report : processes.values()) {
      report.path("routes").forEach(route -> {
        if (!route.path("inline").asBoolean(true) && !route.path("queue").asText("").isEmpty()) {
          queues.add(route.path("queue").asText());
        }
      });
      JsonNode jobs = report.path("jobs");
      counts.append(Layout.row(esc(report.path("process").asText()), esc(Reports.state(report, now)),
          String.valueOf(report.path("workers").asInt()), String.valueOf(jobs.path("running").asLong()),
          String.valueOf(jobs.path("done").asLong()), String.valueOf(jobs.path("failed").asLong()),
          Math.round(100 * jobs.path("utilisation").asDouble()) + " %", String.valueOf(jobs.path("deletions").asInt())));
    }
    StringBuilder body = new StringBuilder("<p><a href=\"/apps/" + url(app) + "\">App " + esc(app) + "</a></p>");
    if ("delete_job".equals(context.request().query("sent"))) {
      body.append(Layout.notice("ok", "Job deleted: the workers skip it when they meet it (they report it deleted)."));
    }
    Map<String, JsonNode> states = JobStatesTable.newest(reports.history(app));
    body.append("<h2>Workers</h2>").append(Layout.table(new String[] {"Process", "State", "Worker threads", "Running",
        "Done", "Failed attempts", "Busy", "Deletions known"}, counts));
    body.append("<h2>Jobs</h2>").append(JobStatesTable.html(context, app, states));
    body.append("<h2>Queues</h2>").append(queues.isEmpty() ? "<p class=\"empty\">No route of this app enqueues jobs "
        + "(all are inline).</p>" : queue(context, app, queues, states));
    return Response.html(200, Layout.page("Jobs of " + app, context, body.toString()));
  }

  private static String queue(PageContext context, String app, TreeSet<String> queues, Map<String, JsonNode> states) {
    String group = app + "_workers";
    GroupDescription workers = context.kafka().call(kafka -> kafka.groups().listShare().stream()
        .anyMatch(listed -> listed.groupId().equals(group)) ? kafka.groups().describeShare(group) : null);
    StringBuilder html = new StringBuilder();
    for (String queue : queues) {
      StringBuilder rows = new StringBuilder();
      if (workers != null) {
        workers.offsets().stream().filter(offset -> offset.topic().equals(queue)).forEach(offset -> rows.append(
            Layout.row(String.valueOf(offset.partition()), String.valueOf(offset.committedOffset()),
                String.valueOf(offset.endOffset()), offset.lag() < 0 ? "–" : String.valueOf(offset.lag()))));
      }
      html.append("<h3><code>").append(esc(queue)).append("</code> read by share group <code>").append(esc(group))
          .append("</code>").append(workers == null ? "" : " (" + workers.members().size() + " member(s))")
          .append("</h3>").append(rows.isEmpty() ? "<p class=\"empty\">The workers have not read this queue yet.</p>"
              : Layout.table(new String[] {"Partition", "Acknowledged before", "End", "Not yet acknowledged"}, rows));
      html.append(newest(context, app, queue, states));
    }
    return html.toString();
  }

  /**
   * The newest jobs of partition 0 of {@code queue}, each with its id, route, value size and the state the workers
   * last reported (none: not reported, most likely still queued), a button to enqueue it again and one to delete it.
   */
  private static String newest(PageContext context, String app, String queue, Map<String, JsonNode> states) {
    List<Message> jobs;
    try {
      jobs = context.kafka().call(MessageSearch.newest(queue, 0, 10)::run);
    } catch (NotFound missing) { // one route's queue missing is no reason to hide the others'
      return Layout.notice("error", esc(missing.getMessage()));
    }
    StringBuilder rows = new StringBuilder();
    for (Message job : jobs) {
      String id = job.header(JOB_ID);
      JsonNode reported = id == null ? null : states.get(id);
      String state = reported == null ? "" : reported.path("state").asText();
      String actions = "";
      if (context.writable()) {
        actions = Layout.form(context, "/topics/" + url(queue) + "/messages/" + job.partition() + "/" + job.offset()
            + "/republish", "<input type=\"hidden\" name=\"to\" value=\"" + esc(queue)
            + "\"><button type=\"submit\">Enqueue again</button>")
            + (id != null && !state.matches("done|rejected|deleted") ? JobStatesTable.deleteButton(context, app, id) : "");
      }
      rows.append(Layout.row(String.valueOf(job.offset()), "<code>" + esc(id) + "</code>", esc(job.header(JOB_ROUTE)),
          esc(job.timestamp()), String.valueOf(job.value() == null ? 0 : job.value().length) + " bytes",
          state.isEmpty() ? "<span class=\"empty\">not reported</span>" : "<span class=\"state " + esc(state) + "\">"
              + esc(state) + "</span>", actions));
    }
    return jobs.isEmpty() ? "<p class=\"empty\">No jobs in partition 0.</p>" : "<p>The newest jobs of partition 0 "
        + "(<a href=\"/topics/" + url(queue) + "/messages\">all of them</a>):</p>"
        + Layout.table(new String[] {"Offset", "Job id", "Route", "Enqueued", "Size", "State", ""}, rows);
  }
}
