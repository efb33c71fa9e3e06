package dev.gregor.web.internal.pages;

import static dev.gregor.web.internal.http.Html.esc;
import static dev.gregor.web.internal.http.Html.url;

import dev.gregor.client.OffsetReset;
import dev.gregor.client.OffsetResetPlan;
import dev.gregor.web.internal.http.BadRequest;
import dev.gregor.web.internal.http.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * POST /groups/{group}/reset: without {@code apply} it shows the plan (each partition's committed offset and
 * target; nothing changes), with it it commits the plan's targets. The client's rules apply: a group with
 * members is refused unless forced; a share group ({@code share=1}) with members always.
 */
public final class OffsetResetForm {
  static final Map<String, String> TARGETS = targets();

  private OffsetResetForm() {}

  public static Response submit(PageContext context) {
    String groupId = context.request().pathParameter(0);
    String topic = context.request().required("topic");
    String to = context.request().required("to");
    String value = context.request().form("value");
    boolean force = "1".equals(context.request().form("force"));
    boolean share = "1".equals(context.request().form("share"));
    OffsetReset reset = reset(to, value == null ? "" : value.trim());
    OffsetReset wanted = force ? reset.force() : reset;
    if ("1".equals(context.request().form("apply"))) {
      context.kafka().call(kafka -> share ? kafka.groups().resetShareOffsets(groupId, topic, wanted)
          : kafka.groups().resetOffsets(groupId, topic, wanted));
      return Response.redirect("/groups/" + url(groupId) + "?reset=" + url(topic));
    }
    OffsetResetPlan plan = context.kafka().call(kafka -> share ? kafka.groups().planShareReset(groupId, topic, wanted)
        : kafka.groups().planReset(groupId, topic, wanted));
    StringBuilder rows = new StringBuilder();
    for (OffsetResetPlan.Partition partition : plan.partitions()) {
      rows.append(Layout.row(String.valueOf(partition.partition()),
          partition.committed() < 0 ? "none" : String.valueOf(partition.committed()), String.valueOf(partition.target())));
    }
    String hidden = field("topic", topic) + field("to", to) + field("value", value == null ? "" : value)
        + (force ? field("force", "1") : "") + (share ? field("share", "1") : "") + field("apply", "1");
    String body = "<p>Plan for group <b>" + esc(groupId) + "</b> on topic <b>" + esc(topic) + "</b> ("
        + plan.activeMembers() + " active member(s)). Nothing has changed yet.</p>"
        + Layout.table(new String[] {"Partition", share ? "Start" : "Committed", "Target"}, rows)
        + Layout.form(context, "/groups/" + url(groupId) + "/reset", hidden
            + "<button class=\"danger\" type=\"submit\">Apply this reset</button>")
        + "<p><a href=\"/groups/" + url(groupId) + "\">Cancel</a></p>";
    return Response.html(200, Layout.page("Reset offsets of " + groupId, context, body));
  }

  private static OffsetReset reset(String to, String value) {
    try {
      return switch (to) {
        case "earliest" -> OffsetReset.toEarliest();
        case "latest" -> OffsetReset.toLatest();
        case "offset" -> OffsetReset.toOffset(Long.parseLong(value));
        case "time" -> OffsetReset.toTime(Instant.parse(value));
        case "shift" -> OffsetReset.shiftBy(Long.parseLong(value));
        default -> throw new BadRequest("the target '" + to + "'; use one of " + TARGETS.keySet());
      };
    } catch (NumberFormatException e) {
      throw new BadRequest("the value '" + value + "' for '" + to + "', not a whole number");
    } catch (DateTimeParseException e) {
      throw new BadRequest("the time '" + value + "', not an ISO-8601 instant like 2026-12-04T10:00:00Z");
    }
  }

  private static String field(String name, String value) {
    return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + esc(value) + "\">";
  }

  private static Map<String, String> targets() {
    Map<String, String> targets = new LinkedHashMap<>();
    targets.put("earliest", "the earliest offset");
    targets.put("latest", "the latest offset (skip everything)");
    targets.put("offset", "an offset (value)");
    targets.put("time", "the first offset at a time (value, ISO-8601)");
    targets.put("shift", "shift by (value, negative re-reads)");
    return java.util.Collections.unmodifiableMap(targets);
  }
}
