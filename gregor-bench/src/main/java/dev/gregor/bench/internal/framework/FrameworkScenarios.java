package dev.gregor.bench.internal.framework;

import dev.gregor.bench.internal.consumer.ConsumerScenarios;
import dev.gregor.bench.internal.consumer.RawConsuming;
import dev.gregor.bench.internal.consumer.Tally;
import dev.gregor.bench.internal.run.BenchContext;
import dev.gregor.bench.internal.run.Scenario;
import dev.gregor.bench.internal.run.Trial;
import dev.gregor.client.Gregor;
import dev.gregor.framework.App;
import dev.gregor.framework.Parser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The framework's costs: an inline controller performing every record of a topic (the whole path: listener,
 * pool, marking, commits) against a raw {@code KafkaConsumer} group loop, and jobs through share-group workers
 * against raw {@code KafkaShareConsumer} threads. Both sides are timed from creating the consumer to the last record.
 */
public final class FrameworkScenarios {
  static final String GROUP = "framework";
  private static final Duration RUN_LIMIT = Duration.ofMinutes(3);

  private FrameworkScenarios() {}

  public static List<Scenario> all(BenchContext ctx, Gregor kafka) {
    List<Scenario> scenarios = new ArrayList<>();
    int records = ctx.profile().consumerRecords();
    String topic = ConsumerScenarios.topic(records, 1);
    scenarios.add(Scenario.throughput(GROUP, "inline controller pass-through " + records + " x 100B 1p",
        "raw KafkaConsumer subscribe+poll", inline(ctx, topic, records),
        Tally.timed(records, tally -> RawConsuming.subscribed(ctx.bootstrap(), topic, tally)))
        .preparedBy(() -> ConsumerScenarios.fill(ctx, topic, 1, records)));
    int jobs = Math.max(100, records / 10);
    String queue = "bench-jobs-" + jobs;
    for (int threads : new int[] {1, 4, 16}) {
      scenarios.add(Scenario.throughput(GROUP, "share-group workers x" + threads + " " + jobs + " jobs 8p",
          "raw KafkaShareConsumer x" + threads, workers(ctx, queue, jobs, threads),
          Tally.timed(jobs, tally -> RawShareConsuming.read(ctx.bootstrap(), queue, threads, tally)))
          .preparedBy(() -> Jobs.fill(ctx, queue, jobs)));
    }
    return scenarios;
  }

  private static Trial inline(BenchContext ctx, String topic, int records) {
    return Tally.timed(records, tally -> {
      Counting.begin(tally);
      App app = App.builder().environment(Map.of())
          .setup(config -> config.name("bench-" + UUID.randomUUID()).kafkaHosts(ctx.bootstrap()))
          .routes(routes -> routes.topic(topic, route -> route.controller(Counting.Controller1.class).parser(Parser.raw())))
          .build();
      try (app) {
        app.start();
        Counting.await(RUN_LIMIT);
      }
    });
  }

  private static Trial workers(BenchContext ctx, String queue, int jobs, int threads) {
    return Tally.timed(jobs, tally -> {
      Counting.begin(tally);
      App app = App.builder().environment(Map.of())
          .setup(config -> config.name("bench-" + UUID.randomUUID()).kafkaHosts(ctx.bootstrap()).defaultQueue(queue))
          .routes(routes -> routes.topic(Jobs.ROUTE, route -> route.controller(Counting.Controller1.class)
              .parser(Parser.raw()).inlineMode(false)))
          .build();
      try (app) {
        app.startWorkers(threads);
        Counting.await(RUN_LIMIT);
      }
    });
  }
}
