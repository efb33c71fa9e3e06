package dev.gregor.framework;

import java.util.List;

/**
 * A custom worker (seed: "Worker"): anything that schedules a controller's work elsewhere. The
 * built-in workers are Kafka queues, chosen with {@code queue(...)} on a route or in a callback.
 */
@FunctionalInterface
public interface Worker {
  /**
   * Schedules the work of one message (a batch in batch mode) of the route of {@code topic}; the
   * message counts as processed once this returns, and is retried by the route's error policy if it throws.
   */
  void performAsync(String topic, List<Params> params) throws Exception;
}
