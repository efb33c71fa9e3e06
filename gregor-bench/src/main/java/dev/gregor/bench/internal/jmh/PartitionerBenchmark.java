package dev.gregor.bench.internal.jmh;

import dev.gregor.client.Partitioner;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-record cost of Gregor's partitioners against kafka-clients' own key partitioning, which
 * is what a raw producer runs for a keyed record.
 * {@code ./bench jmh PartitionerBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PartitionerBenchmark {
  @Param({"16", "64"})
  int keyBytes;

  private final Partitioner murmur2 = Partitioner.murmur2();
  private final Partitioner crc32 = Partitioner.crc32();
  private byte[][] keys;
  private int next;

  @Setup
  public void keys() {
    keys = new byte[1024][];
    for (int i = 0; i < keys.length; i++) {
      String key = ("user-" + i + "-").repeat(keyBytes);
      keys[i] = key.substring(0, keyBytes).getBytes(StandardCharsets.US_ASCII);
    }
  }

  private byte[] nextKey() {
    next = (next + 1) & 1023;
    return keys[next];
  }

  @Benchmark
  public int gregorMurmur2() {
    return murmur2.partition("orders", nextKey(), 12);
  }

  @Benchmark
  public int gregorCrc32() {
    return crc32.partition("orders", nextKey(), 12);
  }

  @Benchmark
  public int kafkaClientsKeyPartitioning() {
    return BuiltInPartitioner.partitionForKey(nextKey(), 12);
  }
}
