package dev.gregor.bench.internal.run;

import java.util.Map;

/** One measured run of one side of a scenario; returns a value for each of the scenario's metrics. */
@FunctionalInterface
public interface Trial {
  Map<String, Double> run() throws Exception;

  /** A trial that moves {@code records} records in {@code work} and reports records per second. */
  static Trial throughput(long records, Work work) {
    return () -> {
      long start = System.nanoTime();
      work.run();
      double seconds = (System.nanoTime() - start) / 1e9;
      return Map.of(Metric.THROUGHPUT.name(), records / seconds);
    };
  }

  /** The timed part of a throughput trial. */
  @FunctionalInterface
  interface Work {
    void run() throws Exception;
  }
}
