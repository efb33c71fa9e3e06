package dev.gregor.bench.internal.run;

/** One number a trial reports, such as {@code throughput} in rec/s or {@code p99} in ms. */
public record Metric(String name, Unit unit) {
  public static final Metric THROUGHPUT = new Metric("throughput", Unit.RECORDS_PER_SECOND);
}
