package dev.gregor.bench.internal.report;

import dev.gregor.bench.internal.run.Result;
import dev.gregor.bench.internal.run.Stats;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The table printed at the end of a run, also as Markdown for the README. The ratio is oriented
 * so that above 1.00x Gregor is better (faster, or smaller); spread is (max − min) / median of
 * each side's runs.
 */
public final class ConsoleTable {
  private static final String[] HEADER = {"group", "scenario", "baseline", "Gregor", "baseline", "unit", "ratio",
      "spread G/B", "note"};

  private ConsoleTable() {}

  public static void print(List<Result> results, RunInfo info, PrintStream out) {
    List<String[]> rows = rows(results);
    int[] widths = new int[HEADER.length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    out.println();
    out.println("Gregor benchmarks: " + info.describe());
    out.println("ratio > 1.00x: Gregor better (more rec/s, fewer ms or MB); spread = (max-min)/median of runs");
    for (int r = 0; r < rows.size(); r++) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < HEADER.length; i++) {
        String cell = rows.get(r)[i];
        boolean number = i >= 3 && i <= 7 && r > 0;
        line.append(number ? pad(cell, widths[i], true) : pad(cell, widths[i], false)).append("  ");
      }
      out.println(line.toString().stripTrailing());
    }
  }

  /** The same rows as a Markdown table, without the note column when every note is empty. */
  public static String markdown(List<Result> results) {
    List<String[]> rows = rows(results);
    boolean notes = results.stream().anyMatch(r -> !r.note().isEmpty());
    int columns = notes ? HEADER.length : HEADER.length - 1;
    StringBuilder md = new StringBuilder();
    for (int r = 0; r < rows.size(); r++) {
      md.append('|');
      for (int i = 0; i < columns; i++) {
        md.append(' ').append(rows.get(r)[i].replace("|", "\\|")).append(" |");
      }
      md.append('\n');
      if (r == 0) {
        md.append("|---".repeat(columns)).append("|\n");
      }
    }
    return md.toString();
  }

  private static List<String[]> rows(List<Result> results) {
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADER);
    for (Result r : results) {
      rows.add(new String[] {r.group(), r.title(), r.baselineName() == null ? "-" : r.baselineName(),
          Format.value(r.gregorMedian(), r.metric().unit()), Format.value(r.baselineMedian(), r.metric().unit()),
          r.metric().unit().symbol(), Format.ratio(r.ratio()),
          Format.percent(Stats.spread(r.gregorRuns())) + "/" + Format.percent(Stats.spread(r.baselineRuns())),
          r.note()});
    }
    return rows;
  }

  private static String pad(String text, int width, boolean right) {
    String padding = " ".repeat(Math.max(0, width - text.length()));
    return right ? padding + text : text + padding;
  }
}
