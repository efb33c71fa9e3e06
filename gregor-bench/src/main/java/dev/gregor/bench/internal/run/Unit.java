package dev.gregor.bench.internal.run;

/** What a metric counts, and which way is better. */
public enum Unit {
  RECORDS_PER_SECOND("rec/s", true),
  MILLISECONDS("ms", false),
  MEGABYTES("MB", false),
  /** A size that is reported, not ranked: no ratio. */
  MEGABYTES_NEUTRAL("MB", false);

  private final String symbol;
  private final boolean higherIsBetter;

  Unit(String symbol, boolean higherIsBetter) {
    this.symbol = symbol;
    this.higherIsBetter = higherIsBetter;
  }

  public String symbol() {
    return symbol;
  }

  public boolean higherIsBetter() {
    return higherIsBetter;
  }
}
