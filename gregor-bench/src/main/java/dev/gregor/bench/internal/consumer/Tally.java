package dev.gregor.bench.internal.consumer;

import dev.gregor.bench.internal.run.Metric;
import dev.gregor.bench.internal.run.Trial;
import java.util.Map;

/**
 * Counts the records a consumer run saw and notes when the last expected one arrived. Consumer
 * throughput is timed to that moment, not to the end of {@code close()}: a plain
 * {@code KafkaConsumer.close()} waits out its last fetch (up to {@code fetch.max.wait.ms}),
 * which is not reading speed, and Gregor's readers close inside their call.
 */
public final class Tally {
  private final int expected;
  private long seen;
  private long lastArrivedNanos;

  Tally(int expected) {
    this.expected = expected;
  }

  /** Adds {@code records} just read; returns whether every expected record has now been seen. */
  public boolean add(int records) {
    seen += records;
    if (seen >= expected && lastArrivedNanos == 0) {
      lastArrivedNanos = System.nanoTime();
    }
    return seen >= expected;
  }

  /** Reads with a fresh tally and reports records per second from {@code start} to the last expected record. */
  public static Trial timed(int records, Reading reading) {
    return () -> {
      Tally tally = new Tally(records);
      long start = System.nanoTime();
      reading.read(tally);
      if (tally.seen < records) {
        throw new IllegalStateException("the reader returned after " + tally.seen + " of " + records + " records");
      }
      return Map.of(Metric.THROUGHPUT.name(), records / ((tally.lastArrivedNanos - start) / 1e9));
    };
  }

  /** One run of a reader, telling the tally what it reads. */
  @FunctionalInterface
  public interface Reading {
    void read(Tally tally) throws Exception;
  }
}
