package dev.gregor.bench.internal.jmh;

import dev.gregor.client.Message;
import dev.gregor.client.internal.consumer.PolledMessages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-record cost of turning one poll's records into the {@link Message}s that {@code poll},
 * {@code stream} and {@code events} hand out, against a raw loop that reads each record's offset:
 * the part of the consumer rows' gap that is Gregor's own, without a broker's or a parser's noise.
 * {@code ./bench jmh MessageConversionBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MessageConversionBenchmark {
  private static final int RECORDS = 500; // kafka-clients' max.poll.records default
  private ConsumerRecords<byte[], byte[]> records;

  @Setup
  public void poll() {
    TopicPartition partition = new TopicPartition("orders", 0);
    List<ConsumerRecord<byte[], byte[]>> list = new ArrayList<>(RECORDS);
    for (int i = 0; i < RECORDS; i++) {
      list.add(new ConsumerRecord<>("orders", 0, i, null, new byte[100]));
    }
    records = new ConsumerRecords<>(Map.of(partition, list), Map.of());
  }

  /** What a raw poll loop that touches each record does. */
  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public long rawRecords() {
    long sum = 0;
    for (ConsumerRecord<byte[], byte[]> record : records) {
      sum += record.offset();
    }
    return sum;
  }

  /** Gregor's poll and stream path: each record becomes a Message when it is handed out. */
  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public long polledMessages() {
    long sum = 0;
    PolledMessages messages = new PolledMessages(records);
    for (Message message = messages.next(); message != null; message = messages.next()) {
      sum += message.offset();
    }
    return sum;
  }
}
