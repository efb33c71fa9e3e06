package dev.gregor.web.internal.pages;

import static dev.gregor.web.internal.http.Html.esc;
import static dev.gregor.web.internal.http.Html.url;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gregor.client.Produce;
import dev.gregor.web.internal.http.BadRequest;
import dev.gregor.web.internal.http.Response;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Commands to an app's processes, written to the commands topic (version 1), which the processes read. */
public final class AppCommands {
  private static final Set<String> COMMANDS = Set.of("pause", "resume", "quiet", "stop", "delete_job");
  private static final ObjectMapper JSON = new ObjectMapper();

  private AppCommands() {}

  /** POST /apps/{app}/commands with command, process, for pause/resume topic and partition, for delete_job job. */
  public static Response send(PageContext context) {
    String app = context.request().pathParameter(0);
    String command = context.request().required("command");
    if (!COMMANDS.contains(command)) {
      throw new BadRequest("the command '" + command + "'; use one of " + COMMANDS);
    }
    ObjectNode json = JSON.createObjectNode().put("version", 1).put("type", "command")
        .put("id", UUID.randomUUID().toString()).put("app", app).put("process", context.request().required("process"))
        .put("command", command).put("at", Instant.now().toString());
    if (command.equals("pause") || command.equals("resume")) {
      json.put("topic", context.request().required("topic"));
      json.put("partition", TopicsPage.number(context, "partition", -1));
    }
    if (command.equals("delete_job")) {
      json.put("job", context.request().required("job"));
    }
    String topic = context.settings().commandsTopic();
    context.kafka().call(kafka -> {
      if (!kafka.topics().list().contains(topic)) {
        kafka.topics().create(topic, t -> t.partitions(1).config("retention.ms", "3600000"));
      }
      return kafka.deliverMessage(topic, json.toString(), Produce.key(app));
    });
    return Response.redirect("/apps/" + url(app) + (command.equals("delete_job") ? "/jobs" : "") + "?sent="
        + url(command));
  }

  /** A one-button form sending {@code command}. */
  static String button(PageContext context, String app, String process, String command, String topic, int partition,
      String label) {
    String fields = "<input type=\"hidden\" name=\"command\" value=\"" + command + "\"><input type=\"hidden\" "
        + "name=\"process\" value=\"" + esc(process) + "\">" + (topic == null ? "" : "<input type=\"hidden\" "
        + "name=\"topic\" value=\"" + esc(topic) + "\"><input type=\"hidden\" name=\"partition\" value=\"" + partition
        + "\">") + "<button type=\"submit\"" + (command.equals("stop") ? " class=\"danger\"" : "") + ">" + esc(label)
        + "</button>";
    return Layout.form(context, "/apps/" + url(app) + "/commands", fields);
  }
}
