package dev.gregor.cli.internal;

import dev.gregor.framework.Ordering;
import dev.gregor.framework.Responder;
import dev.gregor.framework.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One route as the app commands show it: names for people, and where its responses go. */
public record RouteDescription(String topic, String group, String controller, String parser, String responder,
    String modes, List<String> responseTopics, List<String> outTopics) {

  public static RouteDescription of(Route route) {
    List<String> modes = new ArrayList<>();
    modes.add(route.inlineMode() ? "inline" : "queue=" + (route.worker() != null
        ? route.worker().getClass().getSimpleName() : route.queue()));
    if (route.batchMode()) {
      modes.add("batch");
    }
    if (route.ordering() != Ordering.PARTITION) {
      modes.add("ordering=" + route.ordering().name().toLowerCase() + "(" + route.concurrency() + ")");
    }
    if (route.transactional()) {
      modes.add("transactional");
    }
    if (route.retryTopics() > 0) {
      modes.add("retry-topics=" + route.retryTopics());
    }
    if (route.deadLetter() != null) {
      modes.add("dead-letter=" + route.deadLetter());
    }
    if (!route.delay().isZero()) {
      modes.add("delay=" + route.delay());
    }
    List<String> responses = new ArrayList<>();
    Responder responder = route.newResponder();
    if (responder != null) {
      for (String topic : responder.topics()) {
        responses.add(topic + (responder.usage(topic).contains(Responder.Usage.OPTIONAL) ? " (optional)" : ""));
      }
    }
    List<String> out = new ArrayList<>(responses);
    if (!route.inlineMode() && route.worker() == null) {
      out.add(route.queue() + " (jobs)");
    }
    for (int retry = 1; retry <= route.retryTopics(); retry++) {
      out.add(route.retryTopic(retry) + " (retry)");
    }
    if (route.deadLetter() != null) {
      out.add(route.deadLetter() + " (dead letters)");
    }
    return new RouteDescription(route.topic(), route.group(), route.controller().getSimpleName(),
        String.valueOf(route.parser()), route.responder() == null ? "-" : route.responder().getSimpleName(),
        String.join(" ", modes), responses, out);
  }

  /** For {@code --output json}. */
  public Map<String, Object> asMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("topic", topic);
    map.put("group", group);
    map.put("controller", controller);
    map.put("parser", parser);
    map.put("responder", responder);
    map.put("modes", modes);
    map.put("responds_to", responseTopics);
    return map;
  }
}
