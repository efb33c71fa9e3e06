package dev.gregor.bench.internal.run;

import java.util.List;

/**
 * One row of the report: a metric of a scenario, its runs on each side, and a note (why it was
 * skipped or failed).
 *
 * @param gregorRuns the measured values of Gregor's side, in run order
 * @param baselineRuns the baseline's, empty when there is no baseline
 */
public record Result(String group, String name, String baselineName, Metric metric, List<Double> gregorRuns,
    List<Double> baselineRuns, String note) {

  public double gregorMedian() {
    return Stats.median(gregorRuns);
  }

  public double baselineMedian() {
    return Stats.median(baselineRuns);
  }

  /**
   * How Gregor compares, oriented so that above 1.0 means Gregor is better: throughput
   * Gregor/baseline, time and memory baseline/Gregor. NaN without both medians.
   */
  public double ratio() {
    double gregor = gregorMedian();
    double baseline = baselineMedian();
    if (metric.unit() == Unit.MEGABYTES_NEUTRAL || Double.isNaN(gregor) || Double.isNaN(baseline) || gregor == 0
        || baseline == 0) {
      return Double.NaN;
    }
    return metric.unit().higherIsBetter() ? gregor / baseline : baseline / gregor;
  }

  public boolean measured() {
    return !gregorRuns.isEmpty();
  }

  /** The row's title: the scenario's name and, for scenarios with several metrics, the metric. */
  public String title() {
    return metric.equals(Metric.THROUGHPUT) ? name : name + " " + metric.name();
  }
}
