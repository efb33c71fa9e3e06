package dev.gregor.web.internal.pages;

import static dev.gregor.web.internal.http.Html.esc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An app's routes drawn as a graph in inline SVG, on the server: topics and controllers as boxes in columns by how far
 * from an incoming topic they are (incoming → controller → responder topics, jobs queue, retry and dead-letter
 * topics → controllers reading those …), arrows between them. A topic one route writes and another reads is one box.
 */
final class FlowGraph {
  private static final int BOX_WIDTH = 200;
  private static final int BOX_HEIGHT = 34;
  private static final int COLUMN = 242;
  private static final int ROW = 48;
  /** What fits in a box at 13 px: monospace topics, bold controller names. */
  private static final int LABEL_CHARS = 24;

  private record Node(String key, String label, String title, boolean controller) {}

  private record Edge(String from, String to, String kind) {}

  private FlowGraph() {}

  static String svg(JsonNode routes) {
    Map<String, Node> nodes = new LinkedHashMap<>();
    List<Edge> edges = new ArrayList<>();
    int index = 0;
    for (JsonNode route : routes) {
      String controller = "c:" + index++;
      String name = route.path("controller").asText();
      String simple = name.substring(Math.max(name.lastIndexOf('.'), name.lastIndexOf('$')) + 1);
      nodes.put(controller, new Node(controller, simple, name, true));
      edges.add(new Edge(topic(nodes, route.path("kafkaTopic").asText(route.path("topic").asText())), controller, "in"));
      route.path("responderTopics").forEach(t -> edges.add(new Edge(controller, topic(nodes, t.asText()), "out")));
      if (!route.path("queue").isNull() && !route.path("queue").asText().isEmpty()) {
        edges.add(new Edge(controller, topic(nodes, route.path("queue").asText()), "jobs"));
      }
      route.path("retryTopics").forEach(t -> edges.add(new Edge(controller, topic(nodes, t.asText()), "retry")));
      if (!route.path("deadLetter").isNull() && !route.path("deadLetter").asText().isEmpty()) {
        edges.add(new Edge(controller, topic(nodes, route.path("deadLetter").asText()), "dead"));
      }
    }
    Map<String, int[]> at = layout(nodes, edges);
    int columns = at.values().stream().mapToInt(p -> p[0]).max().orElse(0) + 1;
    int rows = at.values().stream().mapToInt(p -> p[1]).max().orElse(0) + 1;
    int width = (columns - 1) * COLUMN + BOX_WIDTH + 2;
    int height = rows * ROW + 2;
    StringBuilder svg = new StringBuilder("<svg class=\"flow-graph\" viewBox=\"0 0 " + width + " " + height + "\" width=\""
        + width + "\" height=\"" + height + "\" role=\"img\" aria-label=\"the app's routes as a graph\">"
        + "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" "
        + "orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#5b6474\"/></marker></defs>");
    for (Edge edge : edges) {
      svg.append(edge(at.get(edge.from()), at.get(edge.to()), edge.kind()));
    }
    for (Node node : nodes.values()) {
      svg.append(box(node, at.get(node.key())));
    }
    return "<div class=\"flow\">" + svg.append("</svg></div>");
  }

  private static String topic(Map<String, Node> nodes, String name) {
    return nodes.computeIfAbsent("t:" + name, key -> new Node(key, name, name, false)).key();
  }

  /** Column: the longest way from a topic nobody writes (bounded, so a cycle of responders ends); row: order of appearance. */
  private static Map<String, int[]> layout(Map<String, Node> nodes, List<Edge> edges) {
    Map<String, Integer> column = new LinkedHashMap<>();
    nodes.keySet().forEach(key -> column.put(key, 0));
    int limit = 2 * nodes.size();
    for (int pass = 0; pass < nodes.size(); pass++) {
      boolean moved = false;
      for (Edge edge : edges) {
        int wanted = Math.min(limit, column.get(edge.from()) + 1);
        if (column.get(edge.to()) < wanted) {
          column.put(edge.to(), wanted);
          moved = true;
        }
      }
      if (!moved) {
        break;
      }
    }
    Map<Integer, Integer> rowsUsed = new LinkedHashMap<>();
    Map<String, int[]> at = new LinkedHashMap<>();
    column.forEach((key, c) -> at.put(key, new int[] {c, rowsUsed.merge(c, 1, Integer::sum) - 1}));
    return at;
  }

  private static String edge(int[] from, int[] to, String kind) {
    double x1 = from[0] * COLUMN + BOX_WIDTH + 1;
    double y1 = from[1] * ROW + 1 + BOX_HEIGHT / 2.0;
    double x2 = to[0] * COLUMN + 1;
    double y2 = to[1] * ROW + 1 + BOX_HEIGHT / 2.0;
    double bend = Math.max(40, Math.abs(x2 - x1) / 2);
    String colour = kind.equals("dead") ? "#b3261e" : "#5b6474";
    String dash = kind.equals("retry") || kind.equals("dead") ? " stroke-dasharray=\"5 4\"" : "";
    String path = String.format(Locale.ROOT, "M%.1f,%.1f C%.1f,%.1f %.1f,%.1f %.1f,%.1f", x1, y1, x1 + bend, y1,
        x2 - bend, y2, x2, y2);
    return "<path class=\"edge " + kind + "\" d=\"" + path + "\" fill=\"none\" stroke=\"" + colour + "\" "
        + "stroke-width=\"1.5\"" + dash + " marker-end=\"url(#arrow)\"><title>" + kind + "</title></path>";
  }

  /** Long names keep their start and their end, which is where topic names of one app differ. */
  private static String shortened(String label) {
    if (label.length() <= LABEL_CHARS) {
      return label;
    }
    int head = (LABEL_CHARS - 1) / 2;
    return label.substring(0, head) + "…" + label.substring(label.length() - (LABEL_CHARS - 1 - head));
  }

  private static String box(Node node, int[] at) {
    int x = at[0] * COLUMN + 1;
    int y = at[1] * ROW + 1;
    String label = shortened(node.label());
    return "<g class=\"node " + (node.controller() ? "controller" : "topic") + "\"><title>" + esc(node.title())
        + "</title><rect x=\"" + x + "\" y=\"" + y + "\" width=\"" + BOX_WIDTH + "\" height=\"" + BOX_HEIGHT
        + "\" rx=\"" + (node.controller() ? 4 : 14) + "\" fill=\"" + (node.controller() ? "#e6ecfb" : "#ffffff")
        + "\" stroke=\"" + (node.controller() ? "#3358c4" : "#5b6474") + "\"/><text x=\"" + (x + BOX_WIDTH / 2)
        + "\" y=\"" + (y + BOX_HEIGHT / 2 + 5) + "\" text-anchor=\"middle\" font-size=\"13\" fill=\"#1d2330\""
        + (node.controller() ? " font-weight=\"600\"" : " font-family=\"monospace\"") + ">" + esc(label)
        + "</text></g>";
  }
}
