package dev.gregor.framework.internal.routing;

import dev.gregor.framework.Ordering;
import dev.gregor.framework.Route;
import dev.gregor.framework.TopicMapper;
import dev.gregor.framework.internal.TopicNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The seed's routing rules over all routes at once: topic names legal (after the topic mapper too)
 * and unique in the app, and a group used by one route only unless every route using it shares it.
 */
public final class RouteChecks {
  /** Threads of a KEY or UNORDERED route that names none, and the most it may name. */
  public static final int DEFAULT_CONCURRENCY = 16;
  private static final int MAX_CONCURRENCY = 10_000;

  private RouteChecks() {}

  public static void check(List<String> topicsDrawn, List<Route> routes, TopicMapper mapper, List<String> errors) {
    if (topicsDrawn.isEmpty()) {
      errors.add("routes: no route drawn; add one with routes(r -> r.topic(\"name\", t -> t.controller(MyController.class)))");
    }
    Set<String> seen = new HashSet<>();
    for (String topic : topicsDrawn) {
      String problem = TopicNames.problem(topic);
      if (problem != null) {
        errors.add("route '" + topic + "': topic " + problem);
        continue;
      }
      String mapped = mapper.outgoing(topic);
      String mappedProblem = TopicNames.problem(mapped);
      if (mappedProblem != null) {
        errors.add("route '" + topic + "': topic mapper " + mapper + " makes it '" + mapped + "', which " + mappedProblem);
      }
      if (!seen.add(topic)) {
        errors.add("route '" + topic + "': drawn twice; topic names must be unique in an app");
      }
    }
    Map<String, List<Route>> byGroup = new LinkedHashMap<>();
    for (Route route : routes) {
      byGroup.computeIfAbsent(route.group(), g -> new ArrayList<>()).add(route);
    }
    byGroup.forEach((group, users) -> {
      if (users.size() > 1 && !users.stream().allMatch(Route::sharedGroup)) {
        errors.add("group '" + group + "' is used by routes " + users.stream().map(Route::topic).toList()
            + "; a group serves one topic (seed: \"Group\"), or say sharedGroup(\"" + group + "\") on each of them");
      }
    });
  }

  /** One route's parallel settings; {@code concurrency} is null when the route named none. */
  public static void parallel(String where, Ordering ordering, @Nullable Integer concurrency, boolean virtualThreads,
      boolean transactional, List<String> errors) {
    int parallel = concurrency != null ? concurrency : DEFAULT_CONCURRENCY;
    if (ordering == Ordering.PARTITION && (concurrency != null || virtualThreads)) {
      errors.add(where + ": concurrency and virtualThreads apply to ordering(KEY) or ordering(UNORDERED); "
          + "PARTITION routes run one chunk per partition on the app's pool (setting 'concurrency')");
    }
    if (parallel < 1 || parallel > MAX_CONCURRENCY) {
      errors.add(where + ": concurrency must be between 1 and " + MAX_CONCURRENCY + ", was " + parallel);
    }
    if (ordering != Ordering.PARTITION && transactional) {
      errors.add(where + ": transactional routes process in ordering(PARTITION): one Kafka transaction at a "
          + "time per partition");
    }
    if (virtualThreads && Runtime.version().feature() < 21) {
      errors.add(where + ": virtualThreads needs Java 21 or later; this is Java " + Runtime.version().feature());
    }
  }

  /** A dead-letter topic Kafka accepts, other than the route's own. */
  public static void deadLetter(String where, String topic, @Nullable String deadLetter, List<String> errors) {
    if (deadLetter == null) {
      return;
    }
    String problem = TopicNames.problem(deadLetter);
    if (problem != null) {
      errors.add(where + ": deadLetter '" + deadLetter + "' " + problem);
    }
    if (deadLetter.equals(topic)) {
      errors.add(where + ": deadLetter must not be the route's own topic");
    }
  }

  /** An offset store's transaction holds the controller's writes: inline routes only, outside Kafka transactions. */
  public static void offsetStore(String where, boolean hasStore, boolean inline, boolean transactional,
      List<String> errors) {
    if (hasStore && (transactional || !inline)) {
      errors.add(where + ": offsetStore needs an inline route that is not transactional: the store's transaction "
          + "holds the controller's writes and the offset");
    }
  }

  /** One route's flow settings: positive where they must be, and retry topics only with a dead-letter topic. */
  public static void flow(String where, FlowControl flow, @Nullable String deadLetter, boolean transactional,
      List<String> errors) {
    if (flow.delay().isNegative()) {
      errors.add(where + ": delay must be zero or more, was " + flow.delay());
    }
    if (flow.expireAfter() != null && (flow.expireAfter().isNegative() || flow.expireAfter().isZero())) {
      errors.add(where + ": expireAfter must be positive, was " + flow.expireAfter());
    }
    if (flow.throttleMessages() < 0 || (flow.throttleMessages() > 0 && !positive(flow.throttleInterval()))) {
      errors.add(where + ": throttle needs at least 1 message per positive interval, was " + flow.throttleMessages()
          + " per " + flow.throttleInterval());
    }
    if (flow.tick() != null && !positive(flow.tick())) {
      errors.add(where + ": tick interval must be positive, was " + flow.tick());
    }
    if (flow.retryTopics() != 0) {
      if (flow.retryTopics() < 1 || flow.retryTopics() > 10) {
        errors.add(where + ": retryTopics must be between 1 and 10, was " + flow.retryTopics());
      }
      if (flow.retryBackoff().isNegative()) {
        errors.add(where + ": retryTopics backoff must be zero or more, was " + flow.retryBackoff());
      }
      if (deadLetter == null) {
        errors.add(where + ": retryTopics needs deadLetter(topic) for messages that fail on the last retry topic");
      }
      if (transactional) {
        errors.add(where + ": retryTopics and transactional do not combine: a retry topic write is not in the "
            + "transaction of the consumed offset");
      }
    }
  }

  private static boolean positive(Duration duration) {
    return !duration.isNegative() && !duration.isZero();
  }
}
