package dev.gregor.embedded.internal;

import dev.gregor.embedded.EmbeddedKafkaException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/** Runs one action per node on its own thread and waits for all, bounded by a timeout. */
final class Parallel {
  private Parallel() {}

  static void run(String what, List<Integer> ids, IntConsumer action, Duration timeout) {
    Map<Integer, RuntimeException> failures = new ConcurrentHashMap<>();
    List<Thread> threads = new ArrayList<>();
    for (int id : ids) {
      Thread thread = new Thread(() -> {
        try {
          action.accept(id);
        } catch (RuntimeException e) {
          failures.put(id, e);
        }
      }, "gregor-" + what.replace(' ', '-') + "-" + id);
      thread.setDaemon(true);
      thread.start();
      threads.add(thread);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      for (Thread thread : threads) {
        thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        if (thread.isAlive()) {
          throw new EmbeddedKafkaException("Could not " + what + " " + thread.getName().replaceAll(".*-", "")
              + " within " + timeout);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EmbeddedKafkaException("Interrupted while trying to " + what, e);
    }
    if (!failures.isEmpty()) {
      RuntimeException first = failures.values().iterator().next();
      failures.values().stream().filter(f -> f != first).forEach(first::addSuppressed);
      throw first;
    }
  }
}
