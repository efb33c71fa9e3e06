package dev.gregor.bench.internal.framework;

import dev.gregor.bench.internal.consumer.ConsumerScenarios;
import dev.gregor.bench.internal.run.BenchContext;
import java.nio.charset.StandardCharsets;

/** A topic of 100 B records with keys {@code k0..k<keys-1>} round robin, filled once and reused by every run. */
final class KeyedRecords {
  private KeyedRecords() {}

  static String topic(int records, int keys, int partitions) {
    return "bench-keyed-" + records + "x100B-" + keys + "keys-" + partitions + "p";
  }

  static void fill(BenchContext ctx, String topic, int partitions, int records, int keys) {
    ConsumerScenarios.fill(ctx, topic, partitions, records, i -> ("k" + (i % keys)).getBytes(StandardCharsets.UTF_8));
  }
}
