package dev.gregor.bench.internal.jmh;

import dev.gregor.client.Gregor;
import dev.gregor.client.PendingMessage;
import dev.gregor.client.Produce;
import dev.gregor.client.Producer;
import dev.gregor.embedded.EmbeddedKafka;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
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
 * Per-record cost of what Gregor's buffered producers do before kafka-clients sees a record:
 * the message object with its options, and {@code Producer.produce} into the bounded buffer
 * (1,000 messages, then {@code clearBuffer}, so nothing is sent). The baseline is the
 * {@code ProducerRecord} a raw producer loop allocates. Only the public API is measured: the
 * producer belongs to a client connected to a one-node embedded broker that nothing is sent to.
 * {@code ./bench jmh ProducerBufferBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ProducerBufferBenchmark {
  private static final int BATCH = 1_000;
  private final byte[] value = new byte[100];
  private final byte[] key = "user-42".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private EmbeddedKafka broker;
  private Gregor kafka;
  private Producer producer;

  @Setup
  public void connect() {
    broker = EmbeddedKafka.builder().start();
    kafka = Gregor.connect(broker.bootstrapServers());
    producer = kafka.producer(p -> p.maxBufferSize(BATCH));
  }

  @TearDown
  public void close() {
    producer.clearBuffer();
    producer.close();
    kafka.close();
    broker.close();
  }

  @Benchmark
  public ProducerRecord<byte[], byte[]> rawProducerRecord() {
    return new ProducerRecord<>("orders", key, value);
  }

  @Benchmark
  public PendingMessage pendingMessageWithKey() {
    return new PendingMessage("orders", value, Produce.options().withKey(key));
  }

  /** Per record: buffering 1,000 messages with their delivery reports, then clearing the buffer. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int producerBufferRoundTrip() {
    for (int i = 0; i < BATCH; i++) {
      producer.produce("orders", value, Produce.options()); // no listener: the common case
    }
    int buffered = producer.bufferSize();
    producer.clearBuffer();
    return buffered;
  }
}
