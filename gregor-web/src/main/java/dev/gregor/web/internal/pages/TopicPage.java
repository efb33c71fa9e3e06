package dev.gregor.web.internal.pages;

import static dev.gregor.web.internal.http.Html.esc;
import static dev.gregor.web.internal.http.Html.url;

import dev.gregor.client.ConfigChanges;
import dev.gregor.client.TopicDescription;
import dev.gregor.client.TopicMetadata;
import dev.gregor.client.TopicPartition;
import dev.gregor.client.Watermarks;
import dev.gregor.web.internal.http.BadRequest;
import dev.gregor.web.internal.http.Response;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One topic: partitions with leader, replicas, in-sync replicas and offsets; its configs; add partitions, alter, delete. */
public final class TopicPage {
  private TopicPage() {}

  /** GET /topics/{topic} */
  public static Response show(PageContext context) {
    String topic = context.request().pathParameter(0);
    TopicDescription description = context.kafka().call(kafka -> kafka.topics().describe(topic));
    Map<TopicPartition, Watermarks> offsets = context.kafka().call(kafka -> kafka.topics().watermarks(List.of(topic)));
    StringBuilder partitions = new StringBuilder();
    for (TopicMetadata.Partition partition : description.partitions()) {
      int p = partition.partition();
      Watermarks watermarks = offsets.getOrDefault(new TopicPartition(topic, p), new Watermarks(0, 0));
      partitions.append(Layout.row(String.valueOf(p), String.valueOf(partition.leader()),
          esc(partition.replicas()), esc(partition.inSyncReplicas()), String.valueOf(watermarks.earliest()),
          String.valueOf(watermarks.latest()),
          "<a href=\"/topics/" + url(topic) + "/messages?partition=" + p + "\">messages</a>"));
    }
    StringBuilder configs = new StringBuilder();
    new TreeMap<>(description.overrides()).forEach((name, value) -> configs.append(Layout.row(esc(name), esc(value))));
    StringBuilder body = new StringBuilder();
    if (context.request().query("created") != null) {
      body.append(Layout.notice("ok", "Created topic " + esc(topic) + "."));
    }
    body.append(Layout.table(new String[] {"Partition", "Leader", "Replicas", "In sync", "Earliest", "Latest", ""},
        partitions));
    body.append("<h2>Configs set on the topic</h2>").append(configs.isEmpty() ? "<p>None: the brokers' defaults.</p>"
        : Layout.table(new String[] {"Config", "Value"}, configs));
    if (context.writable()) {
      String base = "/topics/" + url(topic);
      body.append("<h2>Change</h2>")
          .append(Layout.form(context, base + "/partitions", "<label>Partitions in all <input name=\"total\" "
              + "type=\"number\" min=\"" + (description.partitionCount() + 1) + "\" required></label>"
              + "<button type=\"submit\">Add partitions</button>"))
          .append(Layout.form(context, base + "/configs", "<label>Config <input name=\"name\" required></label>"
              + "<label>Value <input name=\"value\" required></label><button type=\"submit\">Set</button>"))
          .append(Layout.form(context, base + "/delete", "<label>Type the topic's name to delete it, with all its "
              + "messages <input name=\"confirm\" autocomplete=\"off\" required></label>"
              + "<button class=\"danger\" type=\"submit\">Delete topic</button>"));
    }
    return Response.html(200, Layout.page("Topic " + topic, context, body.toString()));
  }

  /** POST /topics/{topic}/partitions */
  public static Response addPartitions(PageContext context) {
    String topic = context.request().pathParameter(0);
    int total = TopicsPage.number(context, "total", -1);
    context.kafka().call(kafka -> {
      kafka.topics().createPartitions(topic, total);
      return null;
    });
    return Response.redirect("/topics/" + url(topic));
  }

  /** POST /topics/{topic}/configs */
  public static Response setConfig(PageContext context) {
    String topic = context.request().pathParameter(0);
    ConfigChanges change = ConfigChanges.set(context.request().required("name"), context.request().required("value"));
    context.kafka().call(kafka -> {
      kafka.topics().alterConfigs(topic, change);
      return null;
    });
    return Response.redirect("/topics/" + url(topic));
  }

  /** POST /topics/{topic}/delete: only with the topic's name typed again. */
  public static Response delete(PageContext context) {
    String topic = context.request().pathParameter(0);
    if (!topic.equals(context.request().form("confirm"))) {
      throw new BadRequest("no confirmation: type the topic's name, '" + topic + "', to delete it");
    }
    context.kafka().call(kafka -> {
      kafka.topics().delete(topic);
      return null;
    });
    return Response.html(200, Layout.page("Topic " + topic + " deleted", context,
        Layout.notice("ok", "Deleted topic " + esc(topic) + ".") + "<p><a href=\"/topics\">All topics</a></p>"));
  }
}
