package dev.gregor.bench.internal.jmh;

import dev.gregor.client.PendingMessage;
import dev.gregor.client.Produce;
import dev.gregor.client.internal.producer.BufferedMessage;
import dev.gregor.client.internal.producer.MessageBuffer;
import dev.gregor.client.internal.producer.ProducerEvents;
import java.util.List;
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
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-record cost of what Gregor's buffered producers do before kafka-clients sees a record:
 * the message object, its options, its delivery report and the bounded buffer (add, snapshot,
 * clear, as one delivery of 1,000 does). The baseline is the {@code ProducerRecord} a raw
 * producer loop allocates.
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

  @Benchmark
  public ProducerRecord<byte[], byte[]> rawProducerRecord() {
    return new ProducerRecord<>("orders", key, value);
  }

  @Benchmark
  public PendingMessage pendingMessageWithKey() {
    return new PendingMessage("orders", value, Produce.options().withKey(key));
  }

  @Benchmark
  public BufferedMessage bufferedMessageWithReport() {
    return BufferedMessage.of(new PendingMessage("orders", value, Produce.options()));
  }

  /** Per record: buffering 1,000 messages, taking the snapshot a delivery sends, clearing after it. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public List<BufferedMessage> messageBufferRoundTrip() {
    MessageBuffer buffer = new MessageBuffer(BATCH, Long.MAX_VALUE, ProducerEvents.NONE); // no listener: the common case
    for (int i = 0; i < BATCH; i++) {
      buffer.add(new PendingMessage("orders", value, Produce.options()));
    }
    List<BufferedMessage> snapshot = buffer.snapshot();
    buffer.clear();
    return snapshot;
  }
}
