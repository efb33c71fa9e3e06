package dev.gregor.web.internal.pages;

import static dev.gregor.web.internal.http.Html.esc;
import static dev.gregor.web.internal.http.Html.url;

import dev.gregor.client.Delivered;
import dev.gregor.client.Fetch;
import dev.gregor.client.Message;
import dev.gregor.client.Offset;
import dev.gregor.client.OffsetOutOfRange;
import dev.gregor.client.Produce;
import dev.gregor.web.internal.http.BadRequest;
import dev.gregor.web.internal.http.NotFound;
import dev.gregor.web.internal.http.Response;
import java.time.Duration;
import java.util.function.Predicate;

/** One message's full value as a download, and republishing it (key, value, headers) to a topic. */
public final class MessageActions {
  private static final int ONE_MESSAGE_BYTES = 64 * 1024 * 1024;

  private MessageActions() {}

  /** GET /topics/{topic}/messages/{partition}/{offset}/value */
  public static Response download(PageContext context) {
    Message message = read(context);
    if (context.settings().masked(message.topic())) {
      throw new NotFound("The value of a masked topic's message is not shown");
    }
    byte[] value = message.value() == null ? new byte[0] : message.value();
    return Response.download(value, message.topic() + "-" + message.partition() + "-" + message.offset() + ".bin",
        "application/octet-stream");
  }

  /** POST /topics/{topic}/messages/{partition}/{offset}/republish (field {@code to}: the target topic). */
  public static Response republish(PageContext context) {
    Message message = read(context);
    if (context.settings().masked(message.topic())) {
      throw new BadRequest("a message of a masked topic to republish, which the policy forbids");
    }
    String to = context.request().required("to");
    Produce produce = copyOf(message, header -> true);
    Delivered delivered = context.kafka().call(kafka -> kafka.deliverMessage(to, message.value(), produce));
    String body = Layout.notice("ok", "Republished offset " + message.offset() + " of " + esc(message.topic()) + "/"
        + message.partition() + " to " + esc(to) + ": partition " + delivered.partition() + ", offset "
        + delivered.offset() + ".") + "<p><a href=\"/topics/" + url(to) + "/messages?partition=" + delivered.partition()
        + "&offset=" + delivered.offset() + "\">See it</a></p>";
    return Response.html(200, Layout.page("Republished", context, body));
  }

  /** {@code message}'s key and those of its headers {@code keep} accepts, as options to write it again. */
  static Produce copyOf(Message message, Predicate<String> keep) {
    Produce options = Produce.options().withKey(message.key());
    for (Message.Header header : message.headers()) {
      if (keep.test(header.name())) {
        options = options.header(header.name(), header.value());
      }
    }
    return options;
  }

  static Message read(PageContext context) {
    String topic = context.request().pathParameter(0);
    int partition = (int) Math.min(Integer.MAX_VALUE, parse(context.request().pathParameter(1), "partition"));
    long offset = parse(context.request().pathParameter(2), "offset");
    Fetch fetch;
    try {
      fetch = context.kafka().call(kafka -> kafka.fetch(topic, partition, Offset.at(offset), 1, Duration.ofMillis(500),
          ONE_MESSAGE_BYTES));
    } catch (OffsetOutOfRange e) {
      throw new NotFound("Topic '" + topic + "' has no message at offset " + offset + " of partition " + partition
          + ": " + e.getMessage());
    }
    return fetch.messages().stream().filter(m -> m.offset() == offset).findFirst()
        .orElseThrow(() -> new NotFound("Topic '" + topic + "' has no message at offset " + offset + " of partition "
            + partition));
  }

  private static long parse(String text, String name) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new BadRequest("the " + name + " '" + text + "', not a whole number");
    }
  }
}
