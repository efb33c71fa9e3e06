package dev.gregor.bench.internal.run;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs scenarios: prepare, warm up both sides, then measured rounds that alternate which side goes
 * first (A B, B A, A B, …) so that a slow minute of a shared machine hits both sides alike.
 * A scenario that fails or is skipped becomes a row with a note, and the rest still run.
 */
public final class Runner {
  private final Profile profile;
  private final PrintStream progress;

  public Runner(Profile profile, PrintStream progress) {
    this.profile = profile;
    this.progress = progress;
  }

  public List<Result> run(List<Scenario> scenarios) {
    List<Result> results = new ArrayList<>();
    int index = 0;
    for (Scenario scenario : scenarios) {
      index++;
      progress.printf("[%d/%d] %s%n", index, scenarios.size(), scenario.id());
      results.addAll(run(scenario));
    }
    return results;
  }

  private List<Result> run(Scenario scenario) {
    Map<String, List<Double>> gregor = new LinkedHashMap<>();
    Map<String, List<Double>> baseline = new LinkedHashMap<>();
    scenario.metrics().forEach(metric -> {
      gregor.put(metric.name(), new ArrayList<>());
      baseline.put(metric.name(), new ArrayList<>());
    });
    String note = "";
    try {
      scenario.prepare().run();
      int warmups = scenario.rounds() > 0 ? 0 : profile.warmups();
      int rounds = scenario.rounds() > 0 ? scenario.rounds() : profile.rounds();
      for (int i = 0; i < warmups; i++) {
        scenario.gregor().run();
        if (scenario.baseline() != null) {
          scenario.baseline().run();
        }
      }
      for (int round = 0; round < rounds; round++) {
        boolean gregorFirst = round % 2 == 0;
        measure(gregorFirst ? scenario.gregor() : scenario.baseline(), gregorFirst ? gregor : baseline);
        measure(gregorFirst ? scenario.baseline() : scenario.gregor(), gregorFirst ? baseline : gregor);
      }
    } catch (Skipped skipped) {
      note = "skipped: " + skipped.getMessage();
      progress.println("  " + note);
    } catch (Exception | Error e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      note = "failed: " + e;
      progress.println("  " + note);
      e.printStackTrace(progress);
    }
    List<Result> rows = new ArrayList<>();
    for (Metric metric : scenario.metrics()) {
      rows.add(new Result(scenario.group(), scenario.name(), scenario.baselineName(), metric,
          List.copyOf(gregor.get(metric.name())), List.copyOf(baseline.get(metric.name())), note));
    }
    return rows;
  }

  private static void measure(Trial trial, Map<String, List<Double>> into) throws Exception {
    if (trial == null) {
      return;
    }
    Map<String, Double> values = trial.run();
    into.forEach((metric, runs) -> {
      Double value = values.get(metric);
      if (value == null) {
        throw new IllegalStateException("the trial reported no value for metric '" + metric + "'; it reported " + values.keySet());
      }
      runs.add(value);
    });
  }
}
