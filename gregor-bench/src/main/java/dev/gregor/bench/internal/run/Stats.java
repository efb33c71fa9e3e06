package dev.gregor.bench.internal.run;

import java.util.Arrays;
import java.util.List;

/** Medians and spreads of repeated runs: robust to the one run a neighbour's build slowed down. */
public final class Stats {
  private Stats() {}

  public static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  /** (max − min) / median, as a fraction: 0.1 means the runs lay within 10 % of the median's size. */
  public static double spread(List<Double> values) {
    if (values.size() < 2) {
      return Double.NaN;
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return (sorted[sorted.length - 1] - sorted[0]) / Math.abs(median(values));
  }

  /** The p-th percentile (0–100) of {@code values}, nearest rank; sorts the array. */
  public static double percentile(double[] values, double p) {
    if (values.length == 0) {
      return Double.NaN;
    }
    Arrays.sort(values);
    int rank = (int) Math.ceil(p / 100.0 * values.length);
    return values[Math.min(values.length - 1, Math.max(0, rank - 1))];
  }
}
