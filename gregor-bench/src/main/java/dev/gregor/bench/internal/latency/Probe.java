package dev.gregor.bench.internal.latency;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The records of a latency run and what the consumer saw of them. A record carries its send time
 * (this JVM's {@code nanoTime}) and its sequence number; sequence −1 marks warm-up records, sent
 * until the consumer is assigned so that joining the group is not counted as latency.
 */
final class Probe {
  static final int RECORD_BYTES = 100;

  private final double[] latenciesMs;
  private final CountDownLatch firstSeen = new CountDownLatch(1);
  private final CountDownLatch allSeen;

  Probe(int records) {
    this.latenciesMs = new double[records];
    Arrays.fill(latenciesMs, Double.NaN);
    this.allSeen = new CountDownLatch(records);
  }

  static byte[] record(int sequence) {
    return ByteBuffer.allocate(RECORD_BYTES).putLong(System.nanoTime()).putInt(sequence).array();
  }

  /** Called by the consumer for every record it receives. */
  void received(byte[] value) {
    long now = System.nanoTime();
    ByteBuffer buffer = ByteBuffer.wrap(value);
    long sentAt = buffer.getLong();
    int sequence = buffer.getInt();
    firstSeen.countDown();
    if (sequence >= 0 && Double.isNaN(latenciesMs[sequence])) {
      latenciesMs[sequence] = (now - sentAt) / 1e6;
      allSeen.countDown();
    }
  }

  boolean awaitFirst(long millis) throws InterruptedException {
    return firstSeen.await(millis, TimeUnit.MILLISECONDS);
  }

  boolean awaitAll(long millis) throws InterruptedException {
    return allSeen.await(millis, TimeUnit.MILLISECONDS);
  }

  double[] latenciesMs() {
    return latenciesMs.clone();
  }
}
