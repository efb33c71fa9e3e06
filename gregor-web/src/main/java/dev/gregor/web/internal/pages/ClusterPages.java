package dev.gregor.web.internal.pages;

import static dev.gregor.web.internal.http.Html.esc;
import static dev.gregor.web.internal.http.Html.url;

import com.fasterxml.jackson.databind.JsonNode;

import dev.gregor.client.ClusterMetadata;
import dev.gregor.client.Features;
import dev.gregor.client.GroupListing;
import dev.gregor.web.internal.http.Response;
import dev.gregor.web.internal.kafka.Reports;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The overview and the cluster page: brokers, controller, feature levels, how many topics and groups. */
public final class ClusterPages {
  private ClusterPages() {}

  /** GET / */
  public static Response overview(PageContext context) {
    ClusterMetadata cluster = context.kafka().call(kafka -> kafka.clusterMetadata());
    List<String> topics = context.kafka().call(kafka -> kafka.topics().list());
    List<GroupListing> groups = context.kafka().call(kafka -> kafka.groups().list());
    String body = "<dl class=\"facts\">"
        + fact("Cluster", esc(cluster.clusterId()))
        + fact("Brokers", "<a href=\"/cluster\">" + cluster.brokers().size() + "</a> (controller "
            + cluster.controller() + ")")
        + fact("Topics", "<a href=\"/topics\">" + topics.size() + "</a>")
        + fact("Consumer groups", "<a href=\"/groups\">" + groups.size() + "</a>")
        + "</dl>" + applications(context);
    return Response.html(200, Layout.page("Overview", context, body));
  }

  /** GET /cluster */
  public static Response cluster(PageContext context) {
    ClusterMetadata cluster = context.kafka().call(kafka -> kafka.clusterMetadata());
    Features features = context.kafka().call(kafka -> kafka.cluster().features());
    StringBuilder brokers = new StringBuilder();
    for (ClusterMetadata.Broker broker : cluster.brokers()) {
      brokers.append(Layout.row(String.valueOf(broker.id()), esc(broker.host() + ":" + broker.port()),
          esc(broker.rack() == null ? "" : broker.rack()), broker.id() == cluster.controller() ? "controller" : ""));
    }
    StringBuilder levels = new StringBuilder();
    Map<String, Features.Range> supported = new TreeMap<>(features.supported());
    supported.forEach((name, range) -> levels.append(Layout.row(esc(name),
        esc(features.finalizedLevels().getOrDefault(name, (short) 0)), range.min() + "–" + range.max())));
    String body = "<p>Cluster id <code>" + esc(cluster.clusterId()) + "</code></p><h2>Brokers</h2>"
        + Layout.table(new String[] {"Id", "Address", "Rack", "Role"}, brokers)
        + "<h2>Features</h2>" + Layout.table(new String[] {"Feature", "Finalized level", "Supported"}, levels);
    return Response.html(200, Layout.page("Cluster", context, body));
  }

  /** Each reporting app's throughput, lag and utilisation over time, when any app reports. */
  private static String applications(PageContext context) {
    Reports reports = context.reports();
    StringBuilder html = new StringBuilder();
    for (String app : reports.newestByApp().keySet()) {
      List<JsonNode> history = reports.history(app);
      html.append("<h3><a href=\"/apps/").append(url(app)).append("\">").append(esc(app)).append("</a></h3>")
          .append(AppCharts.of(history));
    }
    return html.isEmpty() ? "" : "<h2>Applications</h2>" + html;
  }

  private static String fact(String name, String escapedValue) {
    return "<dt>" + esc(name) + "</dt><dd>" + escapedValue + "</dd>";
  }
}
