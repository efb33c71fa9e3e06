package dev.gregor.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/** Prints every scenario line of this run as one table when the test run ends (registered in META-INF/services). */
public final class SummaryTable implements TestExecutionListener {
  private Path file;

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    String name = System.getProperty("chaos.summary");
    if (name == null) {
      return;
    }
    file = Path.of(name);
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      file = null;
    }
  }

  @Override
  public void testPlanExecutionFinished(TestPlan testPlan) {
    if (file == null || !Files.exists(file)) {
      return;
    }
    try {
      List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
      lines.sort(null); // lines start with the scenario number
      StringBuilder table = new StringBuilder("\n===== chaos summary (" + (Scale.full() ? "full" : "fast") + ") =====\n");
      lines.forEach(line -> table.append(line).append('\n'));
      System.out.println(table);
    } catch (IOException e) {
      System.out.println("chaos summary unreadable: " + e);
    }
  }
}
