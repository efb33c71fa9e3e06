package dev.gregor.web.internal.pages;

import static dev.gregor.web.internal.http.Html.esc;
import static dev.gregor.web.internal.http.Html.url;

import dev.gregor.client.TopicMetadata;
import dev.gregor.web.internal.http.BadRequest;
import dev.gregor.web.internal.http.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** GET /topics lists the topics with partitions, replicas and messages; POST /topics creates one. */
public final class TopicsPage {
  private TopicsPage() {}

  public static Response list(PageContext context) {
    List<String> names = context.kafka().call(kafka -> kafka.topics().list()).stream().sorted().toList();
    // One request for every partition's offsets: per partition, hundreds of topics took seconds.
    Map<String, Long> messagesByTopic = new HashMap<>();
    context.kafka().call(kafka -> kafka.topics().watermarks(names))
        .forEach((partition, watermarks) -> messagesByTopic.merge(partition.topic(), watermarks.span(), Long::sum));
    Map<String, TopicMetadata> metadata = context.kafka().call(kafka -> kafka.topicMetadata(names));
    StringBuilder rows = new StringBuilder();
    for (String name : names) {
      TopicMetadata topic = metadata.get(name);
      long messages = messagesByTopic.getOrDefault(name, 0L);
      int replicas = topic.partitions().isEmpty() ? 0 : topic.partitions().get(0).replicas().size();
      rows.append(Layout.row("<a href=\"/topics/" + url(name) + "\">" + esc(name) + "</a>",
          String.valueOf(topic.partitions().size()), String.valueOf(replicas), String.valueOf(messages),
          "<a href=\"/topics/" + url(name) + "/messages\">messages</a>"));
    }
    String body = Layout.table(new String[] {"Topic", "Partitions", "Replicas", "Messages", ""}, rows);
    if (context.writable()) {
      body += "<h2>Create a topic</h2>" + Layout.form(context, "/topics",
          "<label>Name <input name=\"name\" required pattern=\"[A-Za-z0-9._-]+\"></label>"
              + "<label>Partitions <input name=\"partitions\" type=\"number\" min=\"1\" value=\"1\"></label>"
              + "<label>Replicas <input name=\"replicas\" type=\"number\" min=\"1\" value=\"1\"></label>"
              + "<button type=\"submit\">Create</button>");
    }
    return Response.html(200, Layout.page("Topics", context, body));
  }

  public static Response create(PageContext context) {
    String name = context.request().required("name");
    int partitions = number(context, "partitions", 1);
    int replicas = number(context, "replicas", 1);
    context.kafka().call(kafka -> {
      kafka.topics().create(name, topic -> topic.partitions(partitions).replicationFactor(replicas));
      return null;
    });
    return Response.redirect("/topics/" + url(name) + "?created");
  }

  static int number(PageContext context, String field, int fallback) {
    String value = context.request().form(field);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new BadRequest("the field '" + field + "' as '" + value + "', not a whole number");
    }
  }
}
