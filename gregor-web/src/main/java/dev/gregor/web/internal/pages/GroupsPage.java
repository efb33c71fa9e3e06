package dev.gregor.web.internal.pages;

import static dev.gregor.web.internal.http.Html.esc;
import static dev.gregor.web.internal.http.Html.url;

import dev.gregor.client.GroupDescription;
import dev.gregor.client.GroupListing;
import dev.gregor.web.internal.http.Response;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** GET /groups: every consumer group and share group with its state, members and total lag. */
public final class GroupsPage {
  private GroupsPage() {}

  public static Response list(PageContext context) {
    List<GroupListing> groups = context.kafka().call(kafka -> java.util.stream.Stream.concat(
        kafka.groups().list().stream(), kafka.groups().listShare().stream()).toList()).stream()
        .sorted(Comparator.comparing(GroupListing::groupId)).toList();
    StringBuilder rows = new StringBuilder();
    Instant now = Instant.now();
    for (GroupListing group : groups) {
      GroupDescription description = context.kafka().call(kafka -> group.type().equals("share")
          ? kafka.groups().describeShare(group.groupId()) : kafka.groups().describe(group.groupId()));
      context.lagHistory().record(group.groupId(), description.totalLag(), now);
      rows.append(Layout.row("<a href=\"/groups/" + url(group.groupId()) + "\">" + esc(group.groupId()) + "</a>",
          esc(group.type()), esc(description.state()), String.valueOf(description.members().size()),
          String.valueOf(description.totalLag())));
    }
    String body = groups.isEmpty() ? "<p class=\"empty\">No consumer groups yet.</p>"
        : Layout.table(new String[] {"Group", "Type", "State", "Members", "Lag"}, rows);
    return Response.html(200, Layout.page("Consumer groups", context, body));
  }
}
