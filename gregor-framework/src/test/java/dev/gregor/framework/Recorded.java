package dev.gregor.framework;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** What test controllers saw, per route topic: controllers are made by the framework, so they report here. */
final class Recorded {
  private static final Map<String, List<Params>> PERFORMED = new ConcurrentHashMap<>();
  private static final Map<String, List<String>> THREADS = new ConcurrentHashMap<>();

  private Recorded() {}

  static void performed(Params params) {
    PERFORMED.computeIfAbsent(params.topic(), t -> new CopyOnWriteArrayList<>()).add(params);
    THREADS.computeIfAbsent(params.topic(), t -> new CopyOnWriteArrayList<>()).add(Thread.currentThread().getName());
  }

  static List<Params> performed(String topic) {
    return PERFORMED.getOrDefault(topic, List.of());
  }

  static List<String> threads(String topic) {
    return THREADS.getOrDefault(topic, List.of());
  }

  static int count(String topic) {
    return performed(topic).size();
  }
}
