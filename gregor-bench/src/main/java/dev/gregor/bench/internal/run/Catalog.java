package dev.gregor.bench.internal.run;

import dev.gregor.bench.internal.consumer.ConsumerScenarios;
import dev.gregor.bench.internal.framework.FrameworkScenarios;
import dev.gregor.bench.internal.framework.ParallelScenarios;
import dev.gregor.bench.internal.latency.LatencyScenarios;
import dev.gregor.bench.internal.memory.MemoryScenarios;
import dev.gregor.bench.internal.peers.PeerScenarios;
import dev.gregor.bench.internal.producer.ProducerScenarios;
import dev.gregor.bench.internal.startup.ColdStartScenarios;
import dev.gregor.client.Gregor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/** Every scenario the harness knows, by group, in the order the report lists them. */
public final class Catalog {
  private static final Map<String, BiFunction<BenchContext, Gregor, List<Scenario>>> GROUPS = new LinkedHashMap<>();

  static {
    GROUPS.put("producer", ProducerScenarios::all);
    GROUPS.put("consumer", ConsumerScenarios::all);
    GROUPS.put("framework", FrameworkScenarios::all);
    GROUPS.put("parallel", ParallelScenarios::all);
    GROUPS.put("latency", LatencyScenarios::all);
    GROUPS.put("startup", ColdStartScenarios::all);
    GROUPS.put("memory", MemoryScenarios::all);
    GROUPS.put("peers", PeerScenarios::all);
  }

  private Catalog() {}

  public static Set<String> groups() {
    return GROUPS.keySet();
  }

  /** The scenarios of {@code groups} whose id matches {@code only} (null: all). */
  public static List<Scenario> scenarios(BenchContext ctx, Gregor kafka, Set<String> groups, Pattern only) {
    for (String group : groups) {
      if (!GROUPS.containsKey(group)) {
        throw new IllegalArgumentException("unknown scenario group '" + group + "'; the groups are " + GROUPS.keySet());
      }
    }
    List<Scenario> scenarios = new ArrayList<>();
    GROUPS.forEach((group, provider) -> {
      if (groups.contains(group)) {
        provider.apply(ctx, kafka).stream().filter(s -> only == null || only.matcher(s.id()).find()).forEach(scenarios::add);
      }
    });
    return scenarios;
  }
}
