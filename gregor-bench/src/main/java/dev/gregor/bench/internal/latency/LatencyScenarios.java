package dev.gregor.bench.internal.latency;

import dev.gregor.bench.internal.run.BenchContext;
import dev.gregor.bench.internal.run.Metric;
import dev.gregor.bench.internal.run.Scenario;
import dev.gregor.bench.internal.run.Stats;
import dev.gregor.bench.internal.run.Trial;
import dev.gregor.bench.internal.run.Unit;
import dev.gregor.client.GroupConsumer;
import dev.gregor.client.Gregor;
import dev.gregor.client.Produce;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * End-to-end latency, produce to consume, at a fixed moderate rate: Gregor's synchronous
 * {@code deliverMessage} and group {@code eachMessage}, against a plain {@code KafkaProducer}
 * (defaults, asynchronous sends) and a {@code KafkaConsumer.poll} loop.
 */
public final class LatencyScenarios {
  static final List<Metric> METRICS = List.of(new Metric("p50", Unit.MILLISECONDS), new Metric("p99", Unit.MILLISECONDS),
      new Metric("p999", Unit.MILLISECONDS));

  private LatencyScenarios() {}

  public static List<Scenario> all(BenchContext ctx, Gregor kafka) {
    int rate = ctx.profile().latencyRate();
    int records = rate * ctx.profile().latencySeconds();
    Trial gregor = () -> run(ctx, records, rate, (topic, value) -> kafka.deliverMessage(topic, value, Produce.options()),
        (topic, probe, running) -> {
          try (GroupConsumer consumer = kafka.consumer("bench-latency-" + UUID.randomUUID(),
              c -> c.offsetCommitInterval(Duration.ofSeconds(5)))) {
            consumer.subscribe(topic);
            Thread stopper = new Thread(() -> {
              while (running.get()) {
                LockSupport.parkNanos(1_000_000);
              }
              consumer.stop();
            });
            stopper.start();
            consumer.eachMessage(message -> probe.received(message.value()));
          }
        });
    Trial baseline = () -> {
      Map<String, Object> config = new HashMap<>();
      config.put("bootstrap.servers", ctx.bootstrap());
      try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
        return run(ctx, records, rate, (topic, value) -> producer.send(new ProducerRecord<>(topic, value)),
            (topic, probe, running) -> rawConsume(ctx.bootstrap(), topic, probe, running));
      }
    };
    return List.of(new Scenario("latency", "deliverMessage -> group eachMessage @ " + rate + "/s",
        "raw KafkaProducer defaults -> poll loop", METRICS, null, gregor, baseline, 0));
  }

  /** The consuming side of a run: reads until {@code running} turns false, telling {@code probe} each record. */
  private interface Reading {
    void read(String topic, Probe probe, AtomicBoolean running) throws Exception;
  }

  /** The producing side of a run: sends one record; the sides differ only in how. */
  private interface Send {
    void send(String topic, byte[] value) throws Exception;
  }

  private static Map<String, Double> run(BenchContext ctx, int records, int rate, Send send, Reading reading) throws Exception {
    String topic = ctx.topics().create("bench-latency", 1);
    Probe probe = new Probe(records);
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<?> consumer = pool.submit(() -> {
        reading.read(topic, probe, running);
        return null;
      });
      // Warm-up records until the consumer is assigned and reading.
      long warmDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!probe.awaitFirst(20)) {
        if (System.nanoTime() > warmDeadline || consumer.isDone()) {
          consumer.get(1, TimeUnit.SECONDS);
          throw new IllegalStateException("the consumer saw no record within 30 s");
        }
        send.send(topic, Probe.record(-1));
      }
      long periodNanos = 1_000_000_000L / rate;
      long start = System.nanoTime();
      for (int i = 0; i < records; i++) {
        long due = start + i * periodNanos;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        send.send(topic, Probe.record(i));
      }
      if (!probe.awaitAll(30_000)) {
        throw new IllegalStateException("not every record arrived within 30 s of the last send");
      }
      running.set(false);
      consumer.get(30, TimeUnit.SECONDS);
    } finally {
      running.set(false);
      pool.shutdownNow();
      ctx.topics().delete(topic);
    }
    double[] latencies = probe.latenciesMs();
    return Map.of("p50", Stats.percentile(latencies, 50), "p99", Stats.percentile(latencies, 99), "p999",
        Stats.percentile(latencies, 99.9));
  }

  private static void rawConsume(String bootstrap, String topic, Probe probe, AtomicBoolean running) {
    Map<String, Object> config = new HashMap<>();
    config.put("bootstrap.servers", bootstrap);
    config.put("group.id", "bench-latency-raw-" + UUID.randomUUID());
    config.put("auto.offset.reset", "earliest");
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      while (running.get()) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
          probe.received(record.value());
        }
      }
    }
  }
}
