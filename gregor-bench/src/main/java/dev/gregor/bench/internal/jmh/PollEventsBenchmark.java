package dev.gregor.bench.internal.jmh;

import dev.gregor.client.Gregor;
import dev.gregor.client.GroupConsumer;
import dev.gregor.client.Message;
import dev.gregor.client.Produce;
import dev.gregor.client.Producer;
import dev.gregor.embedded.EmbeddedKafka;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-record cost of {@code GroupConsumer.poll} handing out one event at a time (the path behind
 * {@code stream} and {@code events} too), against a raw {@code KafkaConsumer.poll} loop over the
 * same 100,000 records of 100 B: each invocation seeks back to the start and reads them. The
 * topic holds twice as many, so no fetch ever waits at its end (fetch.max.wait would then be most
 * of the time). Both fetch from a one-node embedded broker in this JVM, so the figures include
 * fetching.
 * {@code ./bench jmh PollEventsBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PollEventsBenchmark {
  private static final int RECORDS = 100_000;
  private static final String TOPIC = "poll-events";
  private static final Duration WAIT = Duration.ofSeconds(1);
  private EmbeddedKafka broker;
  private Gregor kafka;
  private GroupConsumer consumer;
  private KafkaConsumer<byte[], byte[]> raw;

  @Setup
  public void fill() {
    broker = EmbeddedKafka.builder().start();
    kafka = Gregor.connect(broker.bootstrapServers());
    kafka.topics().create(TOPIC, t -> t.partitions(1));
    try (Producer producer = kafka.producer(p -> p.maxBufferSize(10_000))) {
      byte[] value = new byte[100];
      for (int i = 0; i < 2 * RECORDS; i++) {
        producer.produce(TOPIC, value, Produce.options());
        if (producer.bufferSize() == 10_000) {
          producer.deliverMessages();
        }
      }
      producer.deliverMessages();
    }
    consumer = kafka.consumer("poll-events-bench");
    consumer.subscribe(true, TOPIC);
    while (!(consumer.poll(WAIT) instanceof Message)) {
      // joins the group; the first message means the partition is assigned and fetching
    }
    raw = new KafkaConsumer<>(Map.of("bootstrap.servers", broker.bootstrapServers()), new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
    raw.assign(List.of(new TopicPartition(TOPIC, 0)));
  }

  @TearDown
  public void close() {
    raw.close();
    consumer.close();
    kafka.close();
    broker.close();
  }

  /** Gregor: one event per call, each record turned into a Message as it is handed out. */
  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public long gregorPollEvents() {
    consumer.seek(TOPIC, 0, 0);
    long read = 0;
    while (read < RECORDS) {
      if (consumer.poll(WAIT) instanceof Message) {
        read++;
      }
    }
    return read;
  }

  /** The baseline: a raw poll loop that counts each record. */
  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public long rawPollLoop() {
    raw.seekToBeginning(List.of(new TopicPartition(TOPIC, 0)));
    long read = 0;
    while (read < RECORDS) {
      for (ConsumerRecord<byte[], byte[]> record : raw.poll(WAIT)) {
        read++;
      }
    }
    return read;
  }
}
