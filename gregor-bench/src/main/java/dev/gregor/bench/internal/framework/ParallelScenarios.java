package dev.gregor.bench.internal.framework;

import dev.gregor.bench.internal.consumer.RawConsuming;
import dev.gregor.bench.internal.consumer.Tally;
import dev.gregor.bench.internal.run.BenchContext;
import dev.gregor.bench.internal.run.Scenario;
import dev.gregor.bench.internal.run.Trial;
import dev.gregor.client.Gregor;
import dev.gregor.framework.App;
import dev.gregor.framework.Controller;
import dev.gregor.framework.Ordering;
import dev.gregor.framework.Parser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Parallel processing inside a partition (issue 15): a KEY-ordered route on 10 ms of blocking I/O per
 * record against the same route in PARTITION order and against Confluent's parallel consumer at equal
 * concurrency; and pass-through (no work) in KEY and UNORDERED order against a raw poll loop.
 */
public final class ParallelScenarios {
  static final String GROUP = "parallel";
  private static final int KEYS = 1_000;
  private static final long IO_MILLIS = 10;
  private static final Duration RUN_LIMIT = Duration.ofMinutes(3);

  private ParallelScenarios() {}

  public static List<Scenario> all(BenchContext ctx, Gregor kafka) {
    List<Scenario> scenarios = new ArrayList<>();
    double scale = ctx.profile().consumerRecords() / 500_000.0; // quick 1, full 2, tiny small
    int[] concurrencies = {16, 64, 256};
    int most = records(scale, concurrencies[concurrencies.length - 1]);
    String ioTopic = KeyedRecords.topic(most, KEYS, 1);
    for (int concurrency : concurrencies) {
      int records = records(scale, concurrency);
      int serial = Math.max(20, (int) (300 * scale)); // ~100 records/s in partition order: a few seconds
      scenarios.add(Scenario.throughput(GROUP, "KEY c" + concurrency + " 10ms I/O " + KEYS + " keys 1p",
          "same route in PARTITION order", route(ctx, ioTopic, records, Ordering.KEY, concurrency,
              Counting.Io10Controller.class),
          route(ctx, ioTopic, serial, Ordering.PARTITION, 0, Counting.Io10Controller.class))
          .preparedBy(() -> KeyedRecords.fill(ctx, ioTopic, 1, most, KEYS)));
      scenarios.add(Scenario.throughput(GROUP, "KEY c" + concurrency + " 10ms I/O " + KEYS + " keys 1p vs PC",
          "parallel-consumer 0.5.3.3 KEY c" + concurrency, route(ctx, ioTopic, records, Ordering.KEY, concurrency,
              Counting.Io10Controller.class),
          Tally.timed(records, tally -> ParallelConsumerReading.read(ctx.bootstrap(), ioTopic, "KEY",
              concurrency, IO_MILLIS, tally)))
          .preparedBy(() -> KeyedRecords.fill(ctx, ioTopic, 1, most, KEYS)));
    }
    int passing = ctx.profile().consumerRecords();
    String passTopic = KeyedRecords.topic(passing, KEYS, 1);
    for (Ordering ordering : new Ordering[] {Ordering.KEY, Ordering.UNORDERED}) {
      scenarios.add(Scenario.throughput(GROUP, ordering + " c16 pass-through " + passing + " x 100B 1p",
          "raw KafkaConsumer subscribe+poll", route(ctx, passTopic, passing, ordering, 16, Counting.Controller1.class),
          Tally.timed(passing, tally -> RawConsuming.subscribed(ctx.bootstrap(), passTopic, tally)))
          .preparedBy(() -> KeyedRecords.fill(ctx, passTopic, 1, passing, KEYS)));
    }
    scenarios.addAll(FailureScenarios.all(ctx));
    return scenarios;
  }

  /** About three seconds of work at {@code concurrency} records in flight of 10 ms each. */
  private static int records(double scale, int concurrency) {
    return Math.max(200, (int) (concurrency * 300 * scale));
  }

  private static Trial route(BenchContext ctx, String topic, int records, Ordering ordering, int concurrency,
      Class<? extends Controller> controller) {
    return Tally.timed(records, tally -> {
      Counting.begin(tally);
      App app = App.builder().environment(Map.of())
          .setup(config -> config.name("bench-" + UUID.randomUUID()).kafkaHosts(ctx.bootstrap()))
          .routes(routes -> routes.topic(topic, route -> {
            route.controller(controller).parser(Parser.raw()).ordering(ordering);
            if (ordering != Ordering.PARTITION) {
              route.concurrency(concurrency);
            }
          }))
          .build();
      try (app) {
        app.start();
        Counting.await(RUN_LIMIT);
      }
    });
  }
}
