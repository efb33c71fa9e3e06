package dev.gregor.bench.internal.run;

import java.util.List;

/**
 * How big and how often: record counts per run, warm-up and measured rounds. {@code quick} fits
 * in about three minutes on two shared cores, {@code full} is the README's run, {@code tiny} only
 * proves the harness works.
 *
 * @param producerRecords records of 100 B per producer run; see {@link #recordsOf(int)} for 1 KB
 * @param syncRecords records per run of one-at-a-time synchronous delivery
 * @param consumerRecords records of 100 B read per run of the framework and peer rows
 * @param readRecords records of 100 B read per run of the consumer group's rows: at 1M a run
 *     read for 0.25 s, and joining the group (tens of milliseconds) swung its ratio by ±0.15
 * @param warmups unmeasured runs of each side before the measured rounds
 * @param rounds measured runs of each side, interleaved A/B/A/B
 * @param latencyRate messages per second of the end-to-end latency runs
 * @param latencySeconds seconds of each latency run
 * @param coldStarts fresh-JVM broker starts per configuration and side
 * @param wholeMatrix whether to run the whole matrix (record sizes, acks, partitions, codecs) instead of its core
 */
public record Profile(String name, int producerRecords, int syncRecords, int consumerRecords, int readRecords, int warmups,
    int rounds, int latencyRate, int latencySeconds, int coldStarts, boolean wholeMatrix) {

  public static Profile quick() {
    return new Profile("quick", 200_000, 1_000, 500_000, 500_000, 1, 3, 500, 3, 1, false);
  }

  public static Profile full() {
    return new Profile("full", 1_000_000, 1_000, 1_000_000, 3_000_000, 1, 5, 1_000, 6, 3, true);
  }

  public static Profile tiny() {
    return new Profile("tiny", 2_000, 20, 2_000, 2_000, 0, 1, 200, 1, 1, false);
  }

  public static List<String> names() {
    return List.of("quick", "full", "tiny");
  }

  /** The profile called {@code name}; names the allowed ones otherwise. */
  public static Profile named(String name) {
    return switch (name) {
      case "quick" -> quick();
      case "full" -> full();
      case "tiny" -> tiny();
      default -> throw new IllegalArgumentException("profile must be one of " + names() + ", was '" + name + "'");
    };
  }

  /** Records per run for {@code recordBytes}-byte records: the same count for 100 B, a fifth for 1 KB, so runs stay seconds long. */
  public int recordsOf(int recordBytes) {
    return recordBytes <= 100 ? producerRecords : Math.max(1, producerRecords / 5);
  }
}
