package dev.gregor.bench.internal.memory;

import dev.gregor.bench.internal.run.BenchContext;
import dev.gregor.bench.internal.run.FreshJvm;
import dev.gregor.bench.internal.run.Metric;
import dev.gregor.bench.internal.run.Scenario;
import dev.gregor.bench.internal.run.Trial;
import dev.gregor.bench.internal.run.Unit;
import dev.gregor.client.Gregor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Memory of each client against raw kafka-clients doing the same work, each side in a fresh JVM
 * with the same fixed young generation (so the heap peak reflects what the client keeps, not the
 * collector's sizing), plus the check that a producer's buffer stays within its limit while the
 * broker is down.
 */
public final class MemoryScenarios {
  /** Identical on both sides: serial GC with a fixed 32 MB young generation. */
  static final List<String> PROBE_JVM = List.of("-Xmx1g", "-Xmn32m", "-XX:+UseSerialGC");
  /** Which producer and consumer scenarios get a memory row in the full profile. */
  private static final Pattern PROBED = Pattern.compile(
      "^(producer/(Producer \\(deliver every 10k\\)|AsyncProducer|deliverMessages\\(list)[^/]*100B acks=all 1p none vs raw KafkaProducer tuned"
      + "|consumer/[^/]* 1p vs .*)$");
  /** The quick profile's subset: each fresh JVM costs seconds. */
  private static final Pattern PROBED_QUICK = Pattern.compile(
      "^(producer/(Producer \\(deliver every 10k\\)|AsyncProducer)[^/]*100B acks=all 1p none vs raw KafkaProducer tuned"
      + "|consumer/group eachMessage [^/]* 1p vs .*)$");

  private MemoryScenarios() {}

  public static List<Scenario> all(BenchContext ctx, Gregor kafka) {
    List<Metric> metrics = List.of(new Metric("heap peak", Unit.MEGABYTES), new Metric("RSS peak", Unit.MEGABYTES));
    List<Scenario> scenarios = new ArrayList<>();
    for (Scenario probed : ProbeMain.probed(ctx, kafka)) {
      if ((ctx.profile().wholeMatrix() ? PROBED : PROBED_QUICK).matcher(probed.id()).matches()) {
        scenarios.add(new Scenario("memory", probed.name(), probed.baselineName(), metrics, probed.prepare(),
            probe(ctx, probed, "gregor"), probe(ctx, probed, "baseline"), ctx.profile().coldStarts()));
      }
    }
    scenarios.add(BoundedBuffer.scenario(ctx));
    return scenarios;
  }

  private static Trial probe(BenchContext ctx, Scenario scenario, String side) {
    return () -> {
      Map<String, Double> answer = FreshJvm.run(PROBE_JVM, ProbeMain.class, List.of(ctx.bootstrap(), ctx.profile().name(),
          scenario.id(), side, ctx.workDir().toString()), ctx.workDir().resolve("memory-probe.log"), 300);
      return Map.of("heap peak", answer.get("heapPeakMb"), "RSS peak", answer.get("rssPeakMb"));
    };
  }
}
