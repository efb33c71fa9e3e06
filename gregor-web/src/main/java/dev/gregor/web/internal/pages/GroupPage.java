package dev.gregor.web.internal.pages;

import static dev.gregor.web.internal.http.Html.esc;
import static dev.gregor.web.internal.http.Html.url;

import dev.gregor.client.GroupDescription;
import dev.gregor.web.internal.http.NotFound;
import dev.gregor.web.internal.http.Response;
import dev.gregor.web.internal.kafka.LagHistory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One consumer or share group: its members and their assignment, committed (or start) and end offsets and lag per
 * partition (refreshed), reset.
 */
public final class GroupPage {
  private GroupPage() {}

  /** GET /groups/{group} */
  public static Response show(PageContext context) {
    String groupId = context.request().pathParameter(0);
    GroupDescription group = describe(context, groupId);
    boolean share = group.type().equals("share");
    StringBuilder body = new StringBuilder();
    String notice = context.request().query("reset");
    if (notice != null) {
      body.append(Layout.notice("ok", "Offsets of " + esc(notice) + " reset."));
    }
    body.append("<dl class=\"facts\"><dt>State</dt><dd>").append(esc(group.state())).append("</dd><dt>Type</dt><dd>")
        .append(esc(group.type())).append("</dd><dt>Coordinator</dt><dd>").append(group.coordinator())
        .append("</dd><dt>Lag</dt><dd>").append(group.totalLag()).append("</dd></dl>");
    StringBuilder members = new StringBuilder();
    for (GroupDescription.Member member : group.members()) {
      StringBuilder assignment = new StringBuilder();
      member.assignment().forEach((topic, partitions) -> assignment.append(esc(topic)).append(' ')
          .append(esc(partitions)).append(' '));
      members.append(Layout.row(esc(member.memberId()), esc(member.clientId()), esc(member.host()),
          assignment.toString()));
    }
    body.append("<h2>Members</h2>").append(group.members().isEmpty() ? "<p class=\"empty\">None: the group is empty.</p>"
        : Layout.table(new String[] {"Member", "Client", "Host", "Assignment"}, members));
    context.lagHistory().record(groupId, group.totalLag(), Instant.now());
    body.append("<h2>Offsets</h2>").append(offsets(groupId, group, context.lagHistory().of(groupId)));
    if (context.writable()) {
      body.append(resetForm(context, groupId, group, share));
    }
    return Response.html(200, Layout.page("Group " + groupId, context, body.toString()));
  }

  /** A consumer group, or else a share group of that id; a 404 naming it when neither exists. */
  private static GroupDescription describe(PageContext context, String groupId) {
    try {
      return context.kafka().call(kafka -> kafka.groups().describe(groupId));
    } catch (NotFound consumerGroup) {
      boolean share = context.kafka().call(kafka -> kafka.groups().listShare()).stream()
          .anyMatch(listed -> listed.groupId().equals(groupId));
      if (!share) {
        throw consumerGroup;
      }
      return context.kafka().call(kafka -> kafka.groups().describeShare(groupId));
    }
  }

  /**
   * The lag over time and the offsets table, which ask for themselves again every 5 seconds (htmx), so lag moves on the
   * page and the line grows.
   */
  private static String offsets(String groupId, GroupDescription group, List<LagHistory.Sample> history) {
    StringBuilder rows = new StringBuilder();
    for (GroupDescription.PartitionOffset offset : group.offsets()) {
      rows.append(Layout.row(esc(offset.topic()), String.valueOf(offset.partition()),
          offset.committedOffset() < 0 ? "none" : String.valueOf(offset.committedOffset()),
          String.valueOf(offset.endOffset()), offset.lag() < 0 ? "–" : String.valueOf(offset.lag())));
    }
    return "<div id=\"offsets\" hx-get=\"/groups/" + esc(url(groupId)) + "\" hx-trigger=\"every 5s\" hx-select=\"#offsets\" "
        + "hx-swap=\"outerHTML\"><div class=\"charts\">" + Sparkline.of("lag (as this dashboard saw it, last hour)",
            history.stream().map(sample -> (double) sample.lag()).toList()) + "</div>" + (group.offsets().isEmpty() ? "<p class=\"empty\">No committed offsets.</p>"
        : Layout.table(new String[] {"Topic", "Partition", group.type().equals("share") ? "Start (acknowledged before)"
            : "Committed", "End", "Lag"}, rows)) + "</div>";
  }

  private static String resetForm(PageContext context, String groupId, GroupDescription group, boolean share) {
    TreeSet<String> topics = new TreeSet<>();
    group.offsets().forEach(offset -> topics.add(offset.topic()));
    StringBuilder options = new StringBuilder();
    topics.forEach(topic -> options.append("<option>").append(esc(topic)).append("</option>"));
    StringBuilder targets = new StringBuilder();
    for (Map.Entry<String, String> target : OffsetResetForm.TARGETS.entrySet()) {
      targets.append("<option value=\"").append(target.getKey()).append("\">").append(esc(target.getValue()))
          .append("</option>");
    }
    String rule = share
        ? "A share group with members is refused: Kafka cannot remove a share group's members, so stop them first. "
            + "The reset moves where the group delivers from; what comes before counts as acknowledged."
        : "A group with members is refused unless forced: its members would overwrite the reset with their next commit.";
    return "<h2>Reset offsets</h2><p>First a plan (nothing changes), then apply it. " + rule + "</p>"
        + Layout.form(context, "/groups/" + url(groupId) + "/reset",
            "<label>Topic <input name=\"topic\" list=\"group-topics\" required></label><datalist id=\"group-topics\">"
                + options + "</datalist><label>To <select name=\"to\">" + targets + "</select></label>"
                + "<label>Value <input name=\"value\" placeholder=\"offset, time or shift\"></label>"
                + (share ? "<input type=\"hidden\" name=\"share\" value=\"1\">"
                    : "<label><input type=\"checkbox\" name=\"force\" value=\"1\"> force while it has members</label>")
                + "<button type=\"submit\">Plan</button>");
  }
}
