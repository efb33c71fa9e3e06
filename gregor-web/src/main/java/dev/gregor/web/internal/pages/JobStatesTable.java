package dev.gregor.web.internal.pages;

import static dev.gregor.web.internal.http.Html.esc;
import static dev.gregor.web.internal.http.Html.url;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The jobs an app's workers reported (each report lists the running ones and the last attempts that ended), each
 * job as its newest report shows it: running and retrying first, then failed and rejected, then ended (outcome not
 * reported), done and deleted.
 * A job not yet done can be deleted (a {@code delete_job} command); a rejected one can be enqueued again.
 */
final class JobStatesTable {
  static final int SHOWN = 50;
  private static final List<String> ORDER =
      List.of("running", "retrying", "failed", "rejected", "ended", "done", "deleted");

  private JobStatesTable() {}

  /**
   * Each job id's newest entry in {@code history} (reports oldest first). A job a process reported running but its
   * newest report no longer lists (every report lists all running jobs) has ended, even when more attempts ended
   * between two reports than a report keeps: it is shown as {@code ended}, not as running forever.
   */
  static Map<String, JsonNode> newest(List<JsonNode> history) {
    Map<String, JsonNode> jobs = new LinkedHashMap<>();
    Map<String, JsonNode> carriedBy = new HashMap<>();
    Map<String, JsonNode> latest = new HashMap<>();
    for (JsonNode report : history) {
      latest.put(report.path("process").asText(), report);
      for (JsonNode job : report.path("jobs").path("recent")) {
        String id = job.path("id").asText();
        JsonNode known = jobs.get(id);
        if (known == null || known.path("at").asText().compareTo(job.path("at").asText()) <= 0) {
          jobs.put(id, job);
          carriedBy.put(id, report);
        }
      }
    }
    jobs.replaceAll((id, job) -> {
      JsonNode report = carriedBy.get(id);
      boolean running = job.path("state").asText().matches("running|retrying");
      return running && latest.get(report.path("process").asText()) != report
          ? ((ObjectNode) job.deepCopy()).put("state", "ended") : job;
    });
    return jobs;
  }

  static String html(PageContext context, String app, Map<String, JsonNode> jobs) {
    if (jobs.isEmpty()) {
      return "<p class=\"empty\">No worker of this app has reported a job yet.</p>";
    }
    List<JsonNode> shown = jobs.values().stream().sorted(Comparator
        .comparingInt((JsonNode job) -> rank(job.path("state").asText()))
        .thenComparing(job -> job.path("at").asText(), Comparator.reverseOrder())).limit(SHOWN).toList();
    StringBuilder rows = new StringBuilder();
    for (JsonNode job : shown) {
      String state = job.path("state").asText();
      String queue = job.path("queue").asText();
      rows.append(Layout.row("<code>" + esc(job.path("id").asText()) + "</code>", esc(job.path("route").asText()),
          "<a href=\"/topics/" + url(queue) + "/messages?partition=" + job.path("partition").asInt() + "&amp;offset="
              + job.path("offset").asLong() + "\">" + esc(queue) + " " + job.path("partition").asInt() + "@"
              + job.path("offset").asLong() + "</a>",
          String.valueOf(job.path("attempt").asInt()), "<span class=\"state " + esc(state) + "\">" + esc(state)
              + "</span>", esc(job.path("at").asText()), esc(job.path("error").asText("")),
          context.writable() ? actions(context, app, job, state) : ""));
    }
    return (jobs.size() > SHOWN ? "<p>The " + SHOWN + " most relevant of " + jobs.size() + " reported jobs.</p>" : "")
        + Layout.table(new String[] {"Job id", "Route", "Queue, partition@offset", "Attempt", "State", "At", "Error",
            ""}, rows);
  }

  private static String actions(PageContext context, String app, JsonNode job, String state) {
    return switch (state) {
      case "running", "retrying", "failed" -> deleteButton(context, app, job.path("id").asText());
      case "rejected" -> Layout.form(context, "/topics/" + url(job.path("queue").asText()) + "/messages/"
          + job.path("partition").asInt() + "/" + job.path("offset").asLong() + "/republish",
          "<input type=\"hidden\" name=\"to\" value=\"" + esc(job.path("queue").asText())
              + "\"><button type=\"submit\">Enqueue again</button>");
      default -> "";
    };
  }

  /** A form sending {@code delete_job} for job {@code id} to every process of the app. */
  static String deleteButton(PageContext context, String app, String id) {
    return Layout.form(context, "/apps/" + url(app) + "/commands", "<input type=\"hidden\" name=\"command\" "
        + "value=\"delete_job\"><input type=\"hidden\" name=\"process\" value=\"*\"><input type=\"hidden\" name=\"job\" "
        + "value=\"" + esc(id) + "\"><button class=\"danger\" type=\"submit\">Delete</button>");
  }

  private static int rank(String state) {
    int rank = ORDER.indexOf(state);
    return rank < 0 ? ORDER.size() : rank;
  }
}
