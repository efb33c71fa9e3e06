package dev.gregor.web.internal.pages;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gregor.web.internal.DashboardSettings;
import dev.gregor.web.internal.http.NotFound;
import dev.gregor.web.internal.http.Request;
import dev.gregor.web.internal.kafka.KafkaAccess;
import dev.gregor.web.internal.kafka.LagHistory;
import dev.gregor.web.internal.kafka.Reports;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What every page may use: the request, the settings, Kafka, the groups' lag history, the session's user and CSRF token. */
public record PageContext(Request request, DashboardSettings settings, KafkaAccess kafka, LagHistory lagHistory,
    @Nullable String user, String csrfToken) {

  /** The newest reports of the framework apps, read from the dashboard's reports topic. */
  public Reports reports() {
    return kafka.call(client -> Reports.read(client, settings.reportsTopic()));
  }

  /** The newest report of each process of {@code app}; a 404 naming the app when none reported. */
  public Map<String, JsonNode> processesOf(Reports reports, String app) {
    Map<String, JsonNode> processes = reports.newestByApp().get(app);
    if (processes == null) {
      throw new NotFound("No reports of an app named '" + app + "' in " + settings.reportsTopic());
    }
    return processes;
  }

  /** Whether actions may be offered and taken. */
  public boolean writable() {
    return !settings.readOnly();
  }
}
