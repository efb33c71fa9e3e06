package dev.gregor.bench.internal.jmh;

import dev.gregor.client.AsyncProducer;
import dev.gregor.client.Gregor;
import dev.gregor.client.Produce;
import dev.gregor.embedded.EmbeddedKafka;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
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
 * Per-message cost of the {@link AsyncProducer} (threshold 1,000, a buffer of ten thresholds, as
 * docs/client.md advises) producing 10,000 messages of 100 B and flushing, against a raw
 * {@code KafkaProducer} with the same batching (linger 20 ms, 256 KB) sending them and flushing.
 * Both deliver to a one-node embedded broker in this JVM, so the figures include the broker's work.
 * {@code ./bench jmh AsyncProducerBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AsyncProducerBenchmark {
  private static final int MESSAGES = 10_000;
  private static final String TOPIC = "async-producer";
  private final byte[] value = new byte[100];
  private EmbeddedKafka broker;
  private Gregor kafka;
  private AsyncProducer async;
  private KafkaProducer<byte[], byte[]> raw;

  @Setup
  public void connect() {
    broker = EmbeddedKafka.builder().start();
    kafka = Gregor.connect(broker.bootstrapServers());
    kafka.topics().create(TOPIC, t -> t.partitions(1));
    async = kafka.asyncProducer(a -> a.deliveryThreshold(1_000).maxQueueSize(MESSAGES)
        .producer(p -> p.maxBufferSize(MESSAGES).maxBufferBytesize(Long.MAX_VALUE)));
    raw = new KafkaProducer<>(Map.of("bootstrap.servers", broker.bootstrapServers(), "linger.ms", "20",
        "batch.size", Integer.toString(256 * 1024)), new ByteArraySerializer(), new ByteArraySerializer());
  }

  @TearDown
  public void close() {
    raw.close();
    async.shutdown(Duration.ofSeconds(10));
    kafka.close();
    broker.close();
  }

  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public int asyncProducer() {
    for (int i = 0; i < MESSAGES; i++) {
      async.produce(TOPIC, value, Produce.options());
    }
    int left = async.flush(Duration.ofSeconds(30));
    if (left != 0) {
      throw new IllegalStateException(left + " messages not delivered within 30 s");
    }
    return left;
  }

  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public int rawProducer() {
    for (int i = 0; i < MESSAGES; i++) {
      raw.send(new ProducerRecord<>(TOPIC, value));
    }
    raw.flush();
    return MESSAGES;
  }
}
