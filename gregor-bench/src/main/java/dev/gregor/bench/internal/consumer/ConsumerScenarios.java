package dev.gregor.bench.internal.consumer;

import dev.gregor.bench.internal.run.BenchContext;
import dev.gregor.bench.internal.run.Payloads;
import dev.gregor.bench.internal.run.Scenario;
import dev.gregor.bench.internal.run.Trial;
import dev.gregor.client.Consume;
import dev.gregor.client.GroupConsumer;
import dev.gregor.client.Gregor;
import dev.gregor.client.Message;
import dev.gregor.client.NotificationSubscription;
import dev.gregor.metrics.GregorMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * GroupConsumer throughput: each of Gregor's ways of reading a topic of 100 B records from the
 * beginning, against a plain {@code KafkaConsumer.poll} loop doing the same (with or without a
 * group). Each run is timed from creating the consumer (joining the group included) to the last
 * record's arrival, on both sides; see {@link Tally} for why closing is left out.
 */
public final class ConsumerScenarios {
  static final String GROUP = "consumer";

  /** Reads {@code topic} with Gregor, telling {@code tally} each record, and returns once the tally is complete. */
  @FunctionalInterface
  interface Reader {
    void read(Gregor kafka, String topic, Tally tally) throws Exception;
  }

  /** Which plain-kafka-clients loop a reader is compared with. */
  enum Baseline {
    NO_GROUP("raw KafkaConsumer assign+poll"),
    GROUP("raw KafkaConsumer subscribe+poll");

    final String label;

    Baseline(String label) {
      this.label = label;
    }
  }

  record Variant(String name, Baseline baseline, Reader reader) {}

  private static final Duration POLL = Duration.ofMillis(200);

  // One entry per way of consuming; a new Gregor consumer API is one more entry here.
  private static final List<Variant> VARIANTS = List.of(
      new Variant("eachMessage (no group)", Baseline.NO_GROUP, (kafka, topic, tally) ->
          kafka.eachMessage(topic, Consume.fromBeginning().exitAtEnd(), message -> tally.add(1))),
      new Variant("group eachMessage", Baseline.GROUP, (kafka, topic, tally) -> {
        try (GroupConsumer consumer = kafka.consumer(newGroup())) {
          consumer.subscribe(topic);
          consumer.eachMessage(message -> {
            if (tally.add(1)) {
              consumer.stop();
            }
          });
        }
      }),
      new Variant("group eachBatch", Baseline.GROUP, (kafka, topic, tally) -> {
        try (GroupConsumer consumer = kafka.consumer(newGroup())) {
          consumer.subscribe(topic);
          consumer.eachBatch(batch -> {
            if (tally.add(batch.messages().size())) {
              consumer.stop();
            }
          });
        }
      }),
      new Variant("group poll events", Baseline.GROUP, (kafka, topic, tally) -> {
        try (GroupConsumer consumer = kafka.consumer(newGroup())) {
          consumer.subscribe(topic);
          boolean done = false;
          while (!done) {
            done = consumer.poll(POLL) instanceof Message && tally.add(1);
          }
        }
      }),
      new Variant("group stream", Baseline.GROUP, (kafka, topic, tally) -> {
        GroupConsumer consumer = kafka.consumer(newGroup());
        consumer.subscribe(topic);
        try (Stream<Message> messages = consumer.stream()) {
          messages.takeWhile(message -> !tally.add(1)).forEach(message -> { });
        }
      }),
      new Variant("group eachMessage, GregorMetrics bound", Baseline.GROUP, (kafka, topic, tally) -> {
        try (GregorMetrics metrics = GregorMetrics.of(kafka);
             GroupConsumer consumer = kafka.consumer(newGroup())) {
          metrics.bindTo(new SimpleMeterRegistry());
          consumer.subscribe(topic);
          consumer.eachMessage(message -> {
            if (tally.add(1)) {
              consumer.stop();
            }
          });
        }
      }),
      new Variant("group eachMessage, a listener on every event", Baseline.GROUP, (kafka, topic, tally) -> {
        try (NotificationSubscription listening = kafka.notifications().subscribe("*", n -> { });
             GroupConsumer consumer = kafka.consumer(newGroup())) {
          consumer.subscribe(topic);
          consumer.eachMessage(message -> {
            if (tally.add(1)) {
              consumer.stop();
            }
          });
        }
      }));


  private ConsumerScenarios() {}

  public static List<Scenario> all(BenchContext ctx, Gregor kafka) {
    List<Scenario> scenarios = new ArrayList<>();
    int records = ctx.profile().readRecords();
    for (int partitions : ctx.profile().wholeMatrix() ? new int[] {1, 8} : new int[] {1}) {
      String topic = topic(records, partitions);
      for (Variant variant : VARIANTS) {
        Trial gregor = gregor(kafka, variant.name(), topic, records);
        Trial baseline = Tally.timed(records, tally -> {
          if (variant.baseline() == Baseline.GROUP) {
            RawConsuming.subscribed(ctx.bootstrap(), topic, tally);
          } else {
            RawConsuming.assigned(ctx.bootstrap(), topic, tally);
          }
        });
        scenarios.add(Scenario.throughput(GROUP, variant.name() + " " + records + " x 100B " + partitions + "p",
            variant.baseline().label, gregor, baseline).preparedBy(() -> fill(ctx, topic, partitions, records)));
      }
    }
    return scenarios;
  }

  /** The topic of {@code records} x 100 B in {@code partitions} partitions that consumer scenarios read. */
  public static String topic(int records, int partitions) {
    return "bench-consume-" + records + "x100B-" + partitions + "p";
  }

  /** The trial of the Gregor reader called {@code variant} (such as {@code group eachMessage}) on {@code topic}. */
  public static Trial gregor(Gregor kafka, String variant, String topic, int records) {
    Reader reader = VARIANTS.stream().filter(v -> v.name().equals(variant)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no consumer variant '" + variant + "'")).reader();
    return Tally.timed(records, tally -> reader.read(kafka, topic, tally));
  }

  /** Creates and fills {@code topic} once; later scenarios (and memory probes) reuse it. */
  public static void fill(BenchContext ctx, String topic, int partitions, int records) {
    fill(ctx, topic, partitions, records, i -> null);
  }

  /** Fills {@code topic} once with {@code records} x 100 B, keyed by {@code keyOf} (null: no key); reused by every run. */
  public static void fill(BenchContext ctx, String topic, int partitions, int records, IntFunction<byte[]> keyOf) {
    ctx.topics().createIfAbsent(topic, partitions);
    long present = ctx.topics().endOffsetSum(topic);
    if (present == records) {
      return;
    }
    if (present != 0) {
      throw new IllegalStateException("topic '" + topic + "' holds " + present + " records, expected none or " + records);
    }
    Map<String, Object> config = new HashMap<>();
    config.put("bootstrap.servers", ctx.bootstrap());
    config.put("linger.ms", "20");
    config.put("batch.size", Integer.toString(256 * 1024));
    byte[][] values = Payloads.values(100, 1024);
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < records; i++) {
        producer.send(new ProducerRecord<>(topic, keyOf.apply(i), values[i & 1023]));
      }
      producer.flush();
    }
    long written = ctx.topics().endOffsetSum(topic);
    if (written != records) {
      throw new IllegalStateException("filled topic '" + topic + "' with " + written + " records, expected " + records);
    }
  }

  private static String newGroup() {
    return "bench-gregor-" + UUID.randomUUID();
  }
}
