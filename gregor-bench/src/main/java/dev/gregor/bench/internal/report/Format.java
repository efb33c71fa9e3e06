package dev.gregor.bench.internal.report;

import dev.gregor.bench.internal.run.Unit;
import java.util.Locale;

/** How numbers read in the table and the README: three significant figures, ratios to two decimals. */
final class Format {
  private Format() {}

  static String value(double value, Unit unit) {
    if (Double.isNaN(value)) {
      return "-";
    }
    if (unit == Unit.RECORDS_PER_SECOND) {
      if (value >= 1e6) {
        return String.format(Locale.ROOT, "%.2f M", value / 1e6);
      }
      if (value >= 1e3) {
        return String.format(Locale.ROOT, "%.1f k", value / 1e3);
      }
      return String.format(Locale.ROOT, "%.0f", value);
    }
    return value >= 100 ? String.format(Locale.ROOT, "%.0f", value)
        : value >= 10 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%.2f", value);
  }

  static String ratio(double ratio) {
    return Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.2fx", ratio);
  }

  static String percent(double fraction) {
    return Double.isNaN(fraction) ? "-" : String.format(Locale.ROOT, "%.0f%%", fraction * 100);
  }
}
