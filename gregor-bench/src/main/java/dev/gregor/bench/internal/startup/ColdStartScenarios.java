package dev.gregor.bench.internal.startup;

import dev.gregor.bench.internal.peers.TestKitStart;
import dev.gregor.bench.internal.run.BenchContext;
import dev.gregor.bench.internal.run.FreshJvm;
import dev.gregor.bench.internal.run.Metric;
import dev.gregor.bench.internal.run.Scenario;
import dev.gregor.bench.internal.run.Trial;
import dev.gregor.bench.internal.run.Unit;
import dev.gregor.client.Gregor;
import dev.gregor.embedded.ProcessMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cold start of the embedded broker, each in a fresh JVM (class loading and JIT included, as a
 * test suite pays them): 1 and 3 nodes, in-process and child JVMs. Reported: wall time from
 * launching the JVM to a ready cluster, time spent in {@code start()}, resident memory of the
 * process tree and, in-process, heap kept after a full GC.
 */
public final class ColdStartScenarios {
  /** The heap limit of the fresh JVM, which is also what a test JVM typically gives the in-process broker. */
  static final String HEAP = "-Xmx512m";

  private ColdStartScenarios() {}

  public static List<Scenario> all(BenchContext ctx, Gregor kafka) {
    List<Scenario> scenarios = new ArrayList<>();
    for (int nodes : new int[] {1, 3}) {
      for (ProcessMode mode : ProcessMode.values()) {
        if (!ctx.profile().wholeMatrix() && (nodes == 1) != (mode == ProcessMode.IN_PROCESS)) {
          continue; // the quick profile starts only the two ends: 1 node in-process, 3 nodes in child JVMs
        }
        List<Metric> metrics = new ArrayList<>(List.of(new Metric("JVM launch to ready", Unit.MILLISECONDS),
            new Metric("start()", Unit.MILLISECONDS), new Metric("RSS of all JVMs", Unit.MEGABYTES)));
        if (mode == ProcessMode.IN_PROCESS) {
          metrics.add(new Metric("heap after GC", Unit.MEGABYTES));
        }
        Trial trial = () -> {
          Map<String, Double> answer = FreshJvm.run(List.of(HEAP), ColdStartMain.class,
              List.of(Integer.toString(nodes), mode.name()), ctx.workDir().resolve("cold-start.log"), 180);
          return Map.of("JVM launch to ready", answer.get("wallMs"), "start()", answer.get("startMs"),
              "RSS of all JVMs", answer.get("rssMb"), "heap after GC", answer.get("heapMb"));
        };
        String name = "EmbeddedKafka " + nodes + (nodes == 1 ? " node " : " nodes ") + mode.name().toLowerCase().replace('_', '-');
        scenarios.add(new Scenario("startup", name, null, metrics, null, trial, null, ctx.profile().coldStarts()));
      }
    }
    // Against Kafka's own test kit: the same combined nodes, in-process, timed from main() to ready.
    for (int nodes : ctx.profile().wholeMatrix() ? new int[] {1, 3} : new int[] {1}) {
      List<Metric> metrics = List.of(new Metric("start()", Unit.MILLISECONDS), new Metric("RSS", Unit.MEGABYTES));
      Trial gregor = () -> {
        Map<String, Double> answer = FreshJvm.run(List.of(HEAP), ColdStartMain.class,
            List.of(Integer.toString(nodes), ProcessMode.IN_PROCESS.name()), ctx.workDir().resolve("cold-start.log"), 180);
        return Map.of("start()", answer.get("startMs"), "RSS", answer.get("rssMb"));
      };
      scenarios.add(new Scenario("startup", "EmbeddedKafka " + nodes + (nodes == 1 ? " node" : " nodes") + " in-process",
          "Kafka KafkaClusterTestKit 4.3.1", metrics, TestKitStart::require, gregor,
          TestKitStart.trial(ctx, nodes, "start()", "RSS"), ctx.profile().coldStarts()));
    }
    return scenarios;
  }
}
