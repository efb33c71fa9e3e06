package dev.gregor.bench.internal.memory;

import dev.gregor.bench.internal.consumer.ConsumerScenarios;
import dev.gregor.bench.internal.producer.ProducerScenarios;
import dev.gregor.bench.internal.run.BenchContext;
import dev.gregor.bench.internal.run.FreshJvm;
import dev.gregor.bench.internal.run.ProcessMemory;
import dev.gregor.bench.internal.run.Profile;
import dev.gregor.bench.internal.run.Scenario;
import dev.gregor.bench.internal.run.Topics;
import dev.gregor.client.Gregor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs in a fresh JVM: one side of one producer or consumer scenario, once, then reports the
 * heap's and the process's peak memory. The Gregor client is only connected on Gregor's side,
 * so the baseline's JVM holds nothing of Gregor's.
 */
public final class ProbeMain {
  private ProbeMain() {}

  /** Arguments: bootstrap, profile name, scenario id, side ({@code gregor} or {@code baseline}), work directory. */
  public static void main(String[] args) throws Exception {
    String bootstrap = args[0];
    Profile profile = Profile.named(args[1]);
    String id = args[2];
    boolean gregorSide = args[3].equals("gregor");
    try (Topics topics = new Topics(Map.of("bootstrap.servers", bootstrap));
        Gregor kafka = gregorSide ? Gregor.connect(bootstrap) : null) {
      BenchContext ctx = new BenchContext(profile, bootstrap, topics, Path.of(args[4]));
      Scenario scenario = probed(ctx, kafka).stream().filter(s -> s.id().equals(id)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no scenario '" + id + "'"));
      ProcessMemory.resetPeaks();
      (gregorSide ? scenario.gregor() : scenario.baseline()).run();
      Map<String, Double> values = new LinkedHashMap<>();
      values.put("heapPeakMb", ProcessMemory.heapPeakMb());
      values.put("rssPeakMb", ProcessMemory.peakRssMb());
      FreshJvm.answer(values);
    }
    System.exit(0);
  }

  /** The scenarios a probe can run. */
  static List<Scenario> probed(BenchContext ctx, Gregor kafka) {
    List<Scenario> scenarios = new ArrayList<>(ProducerScenarios.all(ctx, kafka));
    scenarios.addAll(ConsumerScenarios.all(ctx, kafka));
    return scenarios;
  }
}
