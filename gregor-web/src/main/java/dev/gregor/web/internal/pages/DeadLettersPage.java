package dev.gregor.web.internal.pages;

import static dev.gregor.web.internal.http.Html.esc;
import static dev.gregor.web.internal.http.Html.url;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gregor.client.Delivered;
import dev.gregor.client.Message;
import dev.gregor.client.Produce;
import dev.gregor.web.internal.http.BadRequest;
import dev.gregor.web.internal.http.Response;
import dev.gregor.web.internal.kafka.MessageSearch;
import dev.gregor.web.internal.kafka.PayloadView;
import dev.gregor.web.internal.kafka.Reports;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Dead letters, as the framework writes them (headers {@code gregor-dlt-*}, see the framework's DeadLetters): which
 * topics hold them, each letter's origin and error, and replay to its origin partition without those headers.
 */
public final class DeadLettersPage {
  static final String PREFIX = "gregor-dlt-";
  static final String ORIGIN_TOPIC = PREFIX + "origin-topic";
  static final String ORIGIN_PARTITION = PREFIX + "origin-partition";

  private DeadLettersPage() {}

  /** GET /dead-letters: the routes' dead-letter topics (from the reports) and topics named {@code *_dlt}. */
  public static Response list(PageContext context) {
    TreeSet<String> names = new TreeSet<>();
    List<String> existing = context.kafka().call(kafka -> kafka.topics().list());
    Reports reports = context.reports();
    for (Map<String, JsonNode> processes : reports.newestByApp().values()) {
      for (JsonNode report : processes.values()) {
        for (JsonNode route : report.path("routes")) {
          String topic = route.path("deadLetter").asText("");
          if (existing.contains(topic)) {
            names.add(topic);
          }
        }
      }
    }
    existing.stream().filter(topic -> topic.endsWith("_dlt") || topic.endsWith(".dlt")).forEach(names::add);
    Map<String, Long> lettersByTopic = new HashMap<>();
    context.kafka().call(kafka -> kafka.topics().watermarks(names))
        .forEach((partition, watermarks) -> lettersByTopic.merge(partition.topic(), watermarks.span(), Long::sum));
    StringBuilder rows = new StringBuilder();
    for (String topic : names) {
      long letters = lettersByTopic.getOrDefault(topic, 0L);
      rows.append(Layout.row("<a href=\"/dead-letters/" + url(topic) + "\">" + esc(topic) + "</a>",
          String.valueOf(letters)));
    }
    String body = names.isEmpty() ? "<p class=\"empty\">No dead-letter topics: none of the reporting apps' routes has "
        + "one, and no topic is named *_dlt.</p>" : Layout.table(new String[] {"Dead-letter topic", "Letters"}, rows);
    return Response.html(200, Layout.page("Dead letters", context, body));
  }

  /** GET /dead-letters/{topic}?partition=&offset= */
  public static Response show(PageContext context) {
    String topic = context.request().pathParameter(0);
    MessageSearch search = MessageSearch.of(context.request(), topic);
    List<Message> letters = context.kafka().call(search::run);
    boolean masked = context.settings().masked(topic);
    StringBuilder body = new StringBuilder();
    if (letters.isEmpty()) {
      body.append("<p class=\"empty\">No dead letters in partition ").append(search.partition()).append(".</p>");
    }
    for (Message letter : letters) {
      String origin = letter.header(ORIGIN_TOPIC);
      body.append("<article class=\"message\"><header><b>offset ").append(letter.offset()).append("</b> · from ")
          .append(origin == null ? "<i>no origin header</i>" : "<code>" + esc(origin) + "</code> partition "
              + esc(letter.header(ORIGIN_PARTITION)) + " offset " + esc(letter.header(PREFIX + "origin-offset")))
          .append(" · group ").append(esc(letter.header(PREFIX + "origin-group"))).append(" · attempts ")
          .append(esc(letter.header(PREFIX + "attempts"))).append("</header><p class=\"notice error\">")
          .append(esc(letter.header(PREFIX + "exception"))).append(": ")
          .append(esc(letter.header(PREFIX + "exception-message"))).append("</p><details><summary>Stack trace</summary><pre>")
          .append(esc(letter.header(PREFIX + "stacktrace"))).append("</pre></details>")
          .append(masked ? "<p><i>value masked</i></p>" : PayloadView.render(letter.value(), PayloadView.Format.TEXT));
      if (context.writable() && origin != null && !masked) {
        body.append(Layout.form(context, "/dead-letters/" + url(topic) + "/" + letter.partition() + "/" + letter.offset()
            + "/replay", "<button type=\"submit\">Replay to " + esc(origin) + "</button>"));
      }
      body.append("</article>");
    }
    return Response.html(200, Layout.page("Dead letters in " + topic, context, body.toString()));
  }

  /** POST /dead-letters/{topic}/{partition}/{offset}/replay: back to its origin partition, without the dead-letter headers. */
  public static Response replay(PageContext context) {
    Message letter = MessageActions.read(context);
    String origin = letter.header(ORIGIN_TOPIC);
    if (origin == null) {
      throw new BadRequest("a message without a '" + ORIGIN_TOPIC + "' header to replay: it is not a dead letter");
    }
    Produce options = MessageActions.copyOf(letter, name -> !name.startsWith(PREFIX));
    String partition = letter.header(ORIGIN_PARTITION);
    Produce produce = partition == null ? options : options.withPartition(Integer.parseInt(partition));
    Delivered delivered = context.kafka().call(kafka -> kafka.deliverMessage(origin, letter.value(), produce));
    String body = Layout.notice("ok", "Replayed offset " + letter.offset() + " to " + esc(origin) + " partition "
        + delivered.partition() + " at offset " + delivered.offset() + ".")
        + "<p><a href=\"/dead-letters/" + url(letter.topic()) + "\">Back to the dead letters</a></p>";
    return Response.html(200, Layout.page("Replayed", context, body));
  }
}
