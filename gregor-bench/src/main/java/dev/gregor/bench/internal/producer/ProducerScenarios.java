package dev.gregor.bench.internal.producer;

import static dev.gregor.client.Acks.ALL;
import static dev.gregor.client.Acks.LEADER;
import static dev.gregor.client.Compression.GZIP;
import static dev.gregor.client.Compression.LZ4;
import static dev.gregor.client.Compression.NONE;
import static dev.gregor.client.Compression.SNAPPY;
import static dev.gregor.client.Compression.ZSTD;

import dev.gregor.bench.internal.run.BenchContext;
import dev.gregor.bench.internal.run.Profile;
import dev.gregor.bench.internal.run.Scenario;
import dev.gregor.bench.internal.run.Session;
import dev.gregor.bench.internal.run.TopicTrial;
import dev.gregor.bench.internal.run.Trial;
import dev.gregor.client.Acks;
import dev.gregor.client.Compression;
import dev.gregor.client.Gregor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Producer throughput: Gregor's buffered {@code Producer}, {@code deliverMessages(list)},
 * {@code AsyncProducer} and one-at-a-time {@code deliverMessage}, each against a plain
 * {@code KafkaProducer} doing the same work with default or tuned settings.
 */
public final class ProducerScenarios {
  static final String GROUP = "producer";
  private static final String RAW_DEFAULT = "raw KafkaProducer defaults";
  private static final String RAW_TUNED = "raw KafkaProducer tuned";

  private ProducerScenarios() {}

  public static List<Scenario> all(BenchContext ctx, Gregor kafka) {
    Profile profile = ctx.profile();
    List<Scenario> scenarios = new ArrayList<>();
    ProducerCase core = new ProducerCase(profile.recordsOf(100), 100, ALL, 1, NONE, false);

    // The core: every way of producing Gregor offers, 100 B, acks=all, against both baselines.
    scenarios.add(vs(ctx, "Producer (deliver every 10k)", core, RAW_DEFAULT, Map.of(),
        GregorProducing.buffered(kafka, core, 10_000)));
    scenarios.add(vs(ctx, "Producer (deliver every 10k)", core, RAW_TUNED, RawProducing.TUNED,
        GregorProducing.buffered(kafka, core, 10_000)));
    scenarios.add(vs(ctx, "Producer (deliver every 1k, default buffer)", core, RAW_TUNED, RawProducing.TUNED,
        GregorProducing.buffered(kafka, core, 1_000)));
    scenarios.add(vs(ctx, "deliverMessages(list of 10k)", core, RAW_TUNED, RawProducing.TUNED,
        GregorProducing.deliverMessages(kafka, core, 10_000)));
    scenarios.add(vs(ctx, "AsyncProducer (threshold 1k)", core, RAW_TUNED, RawProducing.TUNED,
        GregorProducing.async(kafka, core, 1_000)));
    ProducerCase keyed = new ProducerCase(core.records(), 100, ALL, 8, NONE, true);
    scenarios.add(vs(ctx, "Producer (deliver every 10k)", keyed, RAW_TUNED, RawProducing.TUNED,
        GregorProducing.buffered(kafka, keyed, 10_000)));
    ProducerCase lz4 = new ProducerCase(core.records(), 100, ALL, 1, LZ4, false);
    scenarios.add(vs(ctx, "Producer (deliver every 10k)", lz4, RAW_TUNED, RawProducing.TUNED,
        GregorProducing.buffered(kafka, lz4, 10_000)));

    // One at a time: Gregor's sync delivery sets linger 0; raw defaults wait 5 ms per record.
    ProducerCase sync = new ProducerCase(profile.syncRecords(), 100, ALL, 1, NONE, false);
    scenarios.add(synchronous(ctx, kafka, sync, RAW_DEFAULT + " send().get()", Map.of()));
    scenarios.add(synchronous(ctx, kafka, sync, "raw KafkaProducer linger=0 send().get()", RawProducing.NO_LINGER));

    if (profile.wholeMatrix()) {
      for (int bytes : new int[] {100, 1024}) {
        for (Acks acks : new Acks[] {ALL, LEADER}) {
          for (int partitions : new int[] {1, 8}) {
            for (Compression codec : new Compression[] {NONE, LZ4}) {
              ProducerCase c = new ProducerCase(profile.recordsOf(bytes), bytes, acks, partitions, codec, false);
              if (!c.equals(core) && !c.equals(lz4)) {
                scenarios.add(vs(ctx, "Producer (deliver every 10k)", c, RAW_TUNED, RawProducing.TUNED,
                    GregorProducing.buffered(kafka, c, 10_000)));
              }
            }
          }
        }
      }
      for (Compression codec : new Compression[] {GZIP, SNAPPY, ZSTD}) {
        ProducerCase c = new ProducerCase(core.records(), 100, ALL, 8, codec, false);
        scenarios.add(vs(ctx, "Producer (deliver every 10k)", c, RAW_TUNED, RawProducing.TUNED,
            GregorProducing.buffered(kafka, c, 10_000)));
      }
      ProducerCase kilobyte = new ProducerCase(profile.recordsOf(1024), 1024, ALL, 8, NONE, false);
      scenarios.add(vs(ctx, "AsyncProducer (threshold 1k)", kilobyte, RAW_TUNED, RawProducing.TUNED,
          GregorProducing.async(kafka, kilobyte, 1_000)));
      scenarios.add(vs(ctx, "deliverMessages(list of 10k)", kilobyte, RAW_TUNED, RawProducing.TUNED,
          GregorProducing.deliverMessages(kafka, kilobyte, 10_000)));
    }
    return scenarios;
  }

  /** The trial of Gregor's buffered {@code Producer} (deliver every 10k) for {@code records} x 100 B, acks=all, 1 partition. */
  public static Trial gregorBuffered(BenchContext ctx, Gregor kafka, int records) {
    ProducerCase c = new ProducerCase(records, 100, ALL, 1, NONE, false);
    return trial(ctx, c, GregorProducing.buffered(kafka, c, 10_000));
  }

  /** Gregor's {@code opener} against a raw send loop with {@code tuning}, on the same work. */
  public static Scenario vs(BenchContext ctx, String gregorName, ProducerCase c, String baselineName,
      Map<String, Object> tuning, Session.Opener gregor) {
    return Scenario.throughput(GROUP, gregorName + " " + c.label(), baselineName,
        trial(ctx, c, gregor), trial(ctx, c, RawProducing.loop(ctx.bootstrap(), c, tuning)));
  }

  private static Scenario synchronous(BenchContext ctx, Gregor kafka, ProducerCase c, String baselineName,
      Map<String, Object> tuning) {
    return Scenario.throughput(GROUP, "deliverMessage one at a time " + c.label(), baselineName,
        trial(ctx, c, GregorProducing.deliverMessage(kafka, c)),
        trial(ctx, c, RawProducing.synchronous(ctx.bootstrap(), c, tuning)));
  }

  private static Trial trial(BenchContext ctx, ProducerCase c, Session.Opener opener) {
    return TopicTrial.of(ctx.topics(), "bench-produce", c.partitions(), c.records(), opener);
  }
}
