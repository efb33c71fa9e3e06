package dev.gregor.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Prints each scenario's summary line and appends it to the file named by {@code chaos.summary}
 * (target/chaos-summary.txt), which {@link SummaryTable} prints as a table when the run ends.
 */
final class ScenarioLog {
  private ScenarioLog() {}

  /** Prints the report's line, then fails if the guarantee was broken. */
  static void checkAndLog(Report report, Guarantee guarantee) {
    log(report.summary(guarantee));
    report.assertHolds(guarantee);
  }

  /** Prints a line that is not a checker report (scenario 7's outcomes), with the same layout. */
  static void log(String line) {
    System.out.println("[chaos] " + line);
    String file = System.getProperty("chaos.summary");
    if (file == null) {
      return;
    }
    try {
      Files.write(Path.of(file), List.of(line), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
