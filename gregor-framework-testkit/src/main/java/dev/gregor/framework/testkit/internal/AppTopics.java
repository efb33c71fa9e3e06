package dev.gregor.framework.testkit.internal;

import dev.gregor.client.Gregor;
import dev.gregor.framework.App;
import dev.gregor.framework.Responder;
import dev.gregor.framework.Route;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/** Every topic an app reads, writes or enqueues to, by Kafka's names: routes, responders' topics, job queues. */
public final class AppTopics {
  private AppTopics() {}

  public static Set<String> of(App app) {
    Set<String> clean = new LinkedHashSet<>();
    for (Route route : app.routes().all()) {
      clean.add(route.topic());
      Responder responder = route.newResponder();
      if (responder != null) {
        clean.addAll(responder.topics());
      }
      if (!route.inlineMode() && route.worker() == null) {
        clean.add(route.queue());
      }
    }
    Set<String> kafkaNames = new LinkedHashSet<>();
    clean.forEach(topic -> kafkaNames.add(app.settings().topicMapper().outgoing(topic)));
    return kafkaNames;
  }

  /** Creates those of {@code topics} that do not exist yet, with {@code partitions} each. */
  public static void create(Gregor admin, Set<String> topics, int partitions) {
    Set<String> existing = new HashSet<>(admin.topics().list());
    for (String topic : topics) {
      if (!existing.contains(topic)) {
        admin.topics().create(topic, t -> t.partitions(partitions));
      }
    }
  }
}
