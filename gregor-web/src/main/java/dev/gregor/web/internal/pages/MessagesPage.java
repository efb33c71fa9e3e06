package dev.gregor.web.internal.pages;

import static dev.gregor.web.internal.http.Html.esc;
import static dev.gregor.web.internal.http.Html.url;

import dev.gregor.client.Message;
import dev.gregor.web.internal.http.Response;
import dev.gregor.web.internal.kafka.MessageSearch;
import dev.gregor.web.internal.kafka.PayloadView;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The message explorer: a partition from an offset or a time, optionally only messages whose key, value or a header
 * contains a text; each shown as text, JSON or hex, with its full value as a download and a republish action.
 */
public final class MessagesPage {
  private MessagesPage() {}

  /** GET /topics/{topic}/messages?partition=&offset=&time=&limit=&q=&format= */
  public static Response list(PageContext context) {
    String topic = context.request().pathParameter(0);
    MessageSearch search = MessageSearch.of(context.request(), topic);
    List<Message> messages = context.kafka().call(kafka -> search.run(kafka));
    PayloadView.Format format = PayloadView.format(context.request().query("format"));
    boolean masked = context.settings().masked(topic);
    StringBuilder body = new StringBuilder(filters(topic, search, format));
    if (masked) {
      body.append(Layout.notice("info", "Keys, values and headers of this topic are masked by the dashboard's policy."));
    }
    if (messages.isEmpty()) {
      body.append("<p class=\"empty\">No messages").append(search.query() == null ? "" : " containing '"
          + esc(search.query()) + "'").append(" from offset ").append(search.firstOffset()).append(".</p>");
    }
    for (Message message : messages) {
      body.append(message(context, message, format, masked));
    }
    if (!messages.isEmpty()) {
      long next = messages.get(messages.size() - 1).offset() + 1;
      body.append("<p><a href=\"/topics/").append(url(topic)).append("/messages?partition=").append(search.partition())
          .append("&offset=").append(next).append("&format=").append(format.name().toLowerCase())
          .append(search.query() == null ? "" : "&q=" + url(search.query())).append("\">Next messages</a></p>");
    }
    return Response.html(200, Layout.page("Messages of " + topic, context, body.toString()));
  }

  private static String filters(String topic, MessageSearch search, PayloadView.Format format) {
    StringBuilder formats = new StringBuilder();
    for (PayloadView.Format each : PayloadView.Format.values()) {
      String name = each.name().toLowerCase();
      formats.append("<option value=\"").append(name).append(each == format ? "\" selected>" : "\">").append(name)
          .append("</option>");
    }
    return "<form method=\"get\" class=\"filters\" action=\"/topics/" + esc(url(topic)) + "/messages\">"
        + "<label>Partition <input name=\"partition\" type=\"number\" min=\"0\" value=\"" + search.partition() + "\"></label>"
        + "<label>From offset <input name=\"offset\" type=\"number\" min=\"0\" value=\"" + search.firstOffset() + "\"></label>"
        + "<label>or time <input name=\"time\" placeholder=\"2026-12-04T10:00:00Z\"></label>"
        + "<label>Containing <input name=\"q\" value=\"" + esc(search.query()) + "\"></label>"
        + "<label>Show as <select name=\"format\">" + formats + "</select></label>"
        + "<button type=\"submit\">Show</button></form>";
  }

  private static String message(PageContext context, Message message, PayloadView.Format format, boolean masked) {
    String base = "/topics/" + url(message.topic()) + "/messages/" + message.partition() + "/" + message.offset();
    StringBuilder html = new StringBuilder("<article class=\"message\" id=\"m").append(message.offset())
        .append("\"><header><b>offset ").append(message.offset()).append("</b> · ")
        .append(esc(message.timestamp())).append(" · key ")
        .append(masked ? "<i>masked</i>" : "<code>" + esc(text(message.key())) + "</code>").append("</header>");
    if (!message.headers().isEmpty()) {
      html.append("<ul class=\"headers\">");
      for (Message.Header header : message.headers()) {
        html.append("<li><code>").append(esc(header.name())).append("</code>: ")
            .append(masked ? "<i>masked</i>" : "<code>" + esc(text(header.value())) + "</code>").append("</li>");
      }
      html.append("</ul>");
    }
    int size = message.value() == null ? 0 : message.value().length;
    if (masked) {
      html.append("<p><i>value masked (").append(size).append(" bytes)</i></p>");
    } else {
      html.append(PayloadView.render(message.value(), format));
      html.append("<p class=\"actions\"><a href=\"").append(base).append("/value\">Download value (").append(size)
          .append(" bytes)</a></p>");
    }
    if (context.writable() && !masked) {
      html.append(Layout.form(context, base + "/republish", "<label>Republish to <input name=\"to\" value=\""
          + esc(message.topic()) + "\" required></label><button type=\"submit\">Republish</button>"));
    }
    return html.append("</article>").toString();
  }

  private static String text(byte[] bytes) {
    if (bytes == null) {
      return "null";
    }
    return PayloadView.isText(bytes) ? new String(bytes, StandardCharsets.UTF_8) : "(" + bytes.length + " bytes, binary)";
  }
}
