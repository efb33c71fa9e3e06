package dev.gregor.spring.internal;

import dev.gregor.client.GroupDescription;
import dev.gregor.framework.App;
import dev.gregor.framework.Route;
import dev.gregor.framework.Stall;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The app's health: UP while it runs with no stalled message; DOWN when it is not running (with the failure that
 * stopped it) or a message runs past the stall timeout (each stall in {@code stalls}). {@code groups} describes
 * each consumer group — state, members, assigned partitions by topic, lag — in one admin call per group, which
 * does not change the status when it fails: Kafka being unreachable shows there, not as DOWN.
 */
public final class AppHealth implements HealthIndicator {
  private final App app;
  private final Duration describeTimeout;

  public AppHealth(App app, Duration describeTimeout) {
    this.app = app;
    this.describeTimeout = describeTimeout;
  }

  @Override
  public Health health() {
    List<Stall> stalls = app.stalls();
    boolean running = app.isRunning();
    Health.Builder health = running && stalls.isEmpty() ? Health.up() : Health.down();
    health.withDetail("app", app.settings().name()).withDetail("running", running);
    Throwable failure = app.failure();
    if (failure != null) {
      health.withDetail("failure", String.valueOf(failure.getMessage()));
    }
    health.withDetail("stalls", stalls.stream().map(Stall::toString).toList());
    if (running) {
      health.withDetail("groups", groups());
    }
    return health.build();
  }

  private Map<String, Object> groups() {
    Map<String, Object> groups = new TreeMap<>();
    for (String group : new TreeSet<>(app.routes().all().stream().map(Route::group).toList())) {
      try {
        GroupDescription description = app.client().groups().describeAsync(group)
            .get(describeTimeout.toMillis(), TimeUnit.MILLISECONDS);
        groups.put(group, describe(description));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        groups.put(group, Map.of("error", "interrupted"));
      } catch (Exception e) {
        groups.put(group, Map.of("error", String.valueOf(e.getCause() != null ? e.getCause() : e)));
      }
    }
    return groups;
  }

  private static Map<String, Object> describe(GroupDescription group) {
    Map<String, TreeSet<Integer>> assigned = new TreeMap<>();
    group.members().forEach(member -> member.assignment().forEach((topic, partitions) ->
        assigned.computeIfAbsent(topic, t -> new TreeSet<>()).addAll(partitions)));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("state", group.state());
    details.put("members", group.members().size());
    details.put("assignment", assigned);
    details.put("lag", group.totalLag());
    return details;
  }
}
