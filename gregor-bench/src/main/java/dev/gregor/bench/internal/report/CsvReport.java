package dev.gregor.bench.internal.report;

import dev.gregor.bench.internal.run.Result;
import dev.gregor.bench.internal.run.Stats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** {@code results.csv}: one line per row, with medians, ratio, spreads and every run's value. */
public final class CsvReport {
  private CsvReport() {}

  public static void write(List<Result> results, Path file) throws IOException {
    StringBuilder csv = new StringBuilder(
        "group,scenario,baseline,metric,unit,gregor_median,baseline_median,ratio,gregor_spread,baseline_spread,gregor_runs,baseline_runs,note\n");
    for (Result r : results) {
      csv.append(String.join(",", quote(r.group()), quote(r.name()), quote(r.baselineName() == null ? "" : r.baselineName()),
          quote(r.metric().name()), quote(r.metric().unit().symbol()), number(r.gregorMedian()),
          number(r.baselineMedian()), number(r.ratio()), number(Stats.spread(r.gregorRuns())),
          number(Stats.spread(r.baselineRuns())), quote(runs(r.gregorRuns())), quote(runs(r.baselineRuns())),
          quote(r.note()))).append('\n');
    }
    Files.writeString(file, csv);
  }

  private static String runs(List<Double> runs) {
    return runs.stream().map(CsvReport::number).collect(Collectors.joining(" "));
  }

  private static String number(double value) {
    return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.4f", value);
  }

  private static String quote(String text) {
    return "\"" + text.replace("\"", "\"\"") + "\"";
  }
}
