package dev.gregor.web.internal.pages;

import static dev.gregor.web.internal.http.Html.esc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An app's routes as a flow: a graph, then one line each: incoming topic → controller → responder topics, jobs queue,
 * dead letters.
 */
final class AppRoutes {
  private AppRoutes() {}

  static String flow(JsonNode routes) {
    if (routes.isEmpty()) {
      return "<p class=\"empty\">The reports list no routes.</p>";
    }
    StringBuilder rows = new StringBuilder();
    for (JsonNode route : routes) {
      StringBuilder out = new StringBuilder();
      for (JsonNode topic : route.path("responderTopics")) {
        out.append("<code>").append(esc(topic.asText())).append("</code> ");
      }
      if (!route.path("queue").isNull() && !route.path("queue").asText().isEmpty()) {
        out.append("jobs <code>").append(esc(route.path("queue").asText())).append("</code> ");
      }
      for (JsonNode topic : route.path("retryTopics")) {
        out.append("retry <code>").append(esc(topic.asText())).append("</code> ");
      }
      if (!route.path("deadLetter").isNull() && !route.path("deadLetter").asText().isEmpty()) {
        out.append("dead letters <code>").append(esc(route.path("deadLetter").asText())).append("</code>");
      }
      String controller = route.path("controller").asText();
      rows.append(Layout.row("<code>" + esc(route.path("kafkaTopic").asText(route.path("topic").asText())) + "</code>",
          "→ " + esc(controller.substring(controller.lastIndexOf('.') + 1)) + " →", out.toString(),
          esc(route.path("group").asText()), esc(route.path("inline").asBoolean(true) ? "inline" : "worker")
              + (route.path("batch").asBoolean() ? ", batch" : "") + ", " + esc(route.path("ordering").asText())));
    }
    return FlowGraph.svg(routes)
        + Layout.table(new String[] {"Incoming", "Controller", "Outgoing", "Group", "Mode"}, rows);
  }
}
