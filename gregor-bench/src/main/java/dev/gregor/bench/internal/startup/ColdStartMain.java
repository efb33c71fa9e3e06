package dev.gregor.bench.internal.startup;

import dev.gregor.bench.internal.run.FreshJvm;
import dev.gregor.bench.internal.run.ProcessMemory;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.ProcessMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs in a fresh JVM: starts an embedded cluster ({@code nodes}, {@code IN_PROCESS|CHILD_JVM}),
 * reports how long {@code start()} took and the memory it holds, and stops it.
 */
public final class ColdStartMain {
  private ColdStartMain() {}

  public static void main(String[] args) {
    int nodes = Integer.parseInt(args[0]);
    ProcessMode mode = ProcessMode.valueOf(args[1]);
    long start = System.nanoTime();
    try (EmbeddedKafka kafka = EmbeddedKafka.builder().nodes(nodes).mode(mode).start()) {
      Map<String, Double> values = new LinkedHashMap<>();
      values.put("startMs", (System.nanoTime() - start) / 1e6);
      values.put("heapMb", ProcessMemory.heapAfterGcMb());
      values.put("rssMb", ProcessMemory.treeRssMb());
      FreshJvm.answer(values);
    }
    System.exit(0);
  }
}
