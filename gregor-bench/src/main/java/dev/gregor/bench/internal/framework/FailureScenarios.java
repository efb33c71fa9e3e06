package dev.gregor.bench.internal.framework;

import dev.gregor.bench.internal.consumer.ConsumerScenarios;
import dev.gregor.bench.internal.consumer.Tally;
import dev.gregor.bench.internal.run.BenchContext;
import dev.gregor.bench.internal.run.Scenario;
import dev.gregor.bench.internal.run.Trial;
import dev.gregor.framework.App;
import dev.gregor.framework.Controller;
import dev.gregor.framework.DeadLetters;
import dev.gregor.framework.Monitor;
import dev.gregor.framework.Parser;
import dev.gregor.framework.Route;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * What failures cost: a route where 1% of the records always fail — retried in place then dead-lettered,
 * or moved through a retry topic to the dead-letter topic — against the same route with none failing.
 * Every record counts once: performed, or written to the dead-letter topic.
 */
final class FailureScenarios {
  private static final Duration RUN_LIMIT = Duration.ofMinutes(3);

  private FailureScenarios() {}

  static List<Scenario> all(BenchContext ctx) {
    int records = Math.max(2_000, ctx.profile().consumerRecords() / 10);
    String topic = ConsumerScenarios.topic(records, 1);
    Trial clean = route(ctx, topic, records, Counting.Controller1.class, route -> { });
    return List.of(
        Scenario.throughput(ParallelScenarios.GROUP, "1% poison, retries(2) then deadLetter, " + records + " x 100B 1p",
            "same route, none failing", route(ctx, topic, records, PoisonController.class,
                route -> route.retries(2, Duration.ZERO).deadLetter(topic + "_bench_dlt")), clean)
            .preparedBy(() -> ConsumerScenarios.fill(ctx, topic, 1, records)),
        Scenario.throughput(ParallelScenarios.GROUP, "1% poison, retryTopics(1) then deadLetter, " + records
                + " x 100B 1p", "same route, none failing", route(ctx, topic, records, PoisonController.class,
                route -> route.retryTopics(1, Duration.ZERO).deadLetter(topic + "_bench_dlt")), clean)
            .preparedBy(() -> ConsumerScenarios.fill(ctx, topic, 1, records)));
  }

  /** Fails on every hundredth offset of the route's topic, every time (also from a retry topic); counts the others. */
  public static final class PoisonController extends Controller {
    @Override
    protected void perform() {
      String origin = params().message().header(DeadLetters.ORIGIN_OFFSET);
      long offset = origin != null ? Long.parseLong(origin) : params().offset();
      if (offset % 100 == 0) {
        throw new IllegalStateException("poison at " + offset);
      }
      Counting.add(1);
    }
  }

  /** Counts dead letters as they are written (the monitor is told on the writing thread); logs nothing. */
  private static final class DeadLetterCounting implements Monitor {
    @Override
    public void notice(Class<?> caller, Map<String, Object> options) {
      if ("dead_letter".equals(options.get("action"))) {
        Counting.add(1);
      }
    }

    @Override
    public void noticeError(Class<?> caller, Throwable error) {}
  }

  private static Trial route(BenchContext ctx, String topic, int records, Class<? extends Controller> controller,
      Consumer<Route.Builder> failureHandling) {
    return Tally.timed(records, tally -> {
      Counting.begin(tally);
      App app = App.builder().environment(Map.of())
          .setup(config -> config.name("bench-" + UUID.randomUUID()).kafkaHosts(ctx.bootstrap())
              .monitor(new DeadLetterCounting()))
          .routes(routes -> routes.topic(topic, route -> {
            route.controller(controller).parser(Parser.raw());
            failureHandling.accept(route);
          }))
          .build();
      try (app) {
        app.start();
        Counting.await(RUN_LIMIT);
      }
    });
  }
}
