package dev.gregor.web.internal.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each group's total lag as the dashboard saw it, for the last hour: sampled whenever a page describes the group (the
 * groups list, the group's page and its refresh every 5 s), kept in memory only — Kafka keeps no lag history, and
 * the dashboard stores nothing beyond Kafka.
 */
public final class LagHistory {
  static final Duration KEPT = Duration.ofHours(1);
  /** At most one sample per group this often, however many pages ask. */
  static final Duration SPACING = Duration.ofSeconds(5);
  private static final int MAX_GROUPS = 10_000;

  /** One sample: when, and the group's total lag then. */
  public record Sample(Instant at, long lag) {}

  private final Map<String, Deque<Sample>> groups = new ConcurrentHashMap<>();

  /** Records {@code lag} for {@code group} now (unless a sample was taken within {@link #SPACING}). */
  public void record(String group, long lag, Instant now) {
    if (groups.size() >= MAX_GROUPS && !groups.containsKey(group)) {
      return; // a cluster with that many groups: the history is for the ones people look at
    }
    Deque<Sample> samples = groups.computeIfAbsent(group, g -> new ArrayDeque<>());
    synchronized (samples) {
      Sample last = samples.peekLast();
      if (last != null && last.at().plus(SPACING).isAfter(now)) {
        return;
      }
      samples.addLast(new Sample(now, lag));
      while (!samples.isEmpty() && samples.peekFirst().at().isBefore(now.minus(KEPT))) {
        samples.removeFirst();
      }
    }
  }

  /** The group's samples of the last hour, oldest first. */
  public List<Sample> of(String group) {
    Deque<Sample> samples = groups.get(group);
    if (samples == null) {
      return List.of();
    }
    synchronized (samples) {
      return new ArrayList<>(samples);
    }
  }
}
