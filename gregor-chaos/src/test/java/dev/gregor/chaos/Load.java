package dev.gregor.chaos;

import dev.gregor.client.Delivered;
import dev.gregor.client.Produce;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A producer writing {@link Sequenced} records to one topic on its own thread, at the
 * {@link Throttle}'s pace, until {@link #stop()} or {@code limit} records; every attempt and
 * acknowledgement goes to the {@link History}.
 */
abstract class Load {
  static final int KEYS = 8;
  static final int VALUE_SIZE = 100;

  final String topic;
  final History history;
  private final Throttle throttle;
  private final long limit;
  private final int keys;
  private final long[] nextSeq;
  private final AtomicLong acked = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private long produced;
  private volatile boolean stopping;
  private volatile Throwable crashed;
  private final Thread thread;

  Load(String name, String topic, History history, Throttle throttle, long limit) {
    this(name, topic, history, throttle, limit, KEYS);
  }

  /** A load over keys {@code k0..k<keys-1>}, round robin. */
  Load(String name, String topic, History history, Throttle throttle, long limit, int keys) {
    this.keys = keys;
    this.nextSeq = new long[keys];
    this.topic = topic;
    this.history = history;
    this.throttle = throttle;
    this.limit = limit;
    this.thread = new Thread(this::run, "chaos-load-" + name);
  }

  Load start() {
    thread.start();
    return this;
  }

  /** Records acknowledged so far. */
  long acked() {
    return acked.get();
  }

  /** Delivery attempts that failed (and were retried or given up). */
  long failures() {
    return failed.get();
  }

  /** Whether the load wrote its limit (or was stopped) and delivered what it could. */
  boolean finished() {
    return !thread.isAlive();
  }

  private void run() {
    try {
      while (!stopping && produced < limit) {
        if (throttle.acquire(batchSize())) {
          for (int i = 0; i < batchSize() && produced < limit; i++) {
            int key = (int) (produced++ % keys);
            Sequenced record = new Sequenced("k" + key, nextSeq[key]++);
            history.attempted(record);
            track(record, send(record, record.value(VALUE_SIZE), Produce.key(record.key())));
          }
          afterBatch();
        }
      }
      finish();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Throwable t) {
      crashed = t;
    }
  }

  private void track(Sequenced record, CompletableFuture<Delivered> report) {
    report.whenComplete((delivered, error) -> {
      if (delivered != null) {
        history.acknowledged(record, delivered.partition(), delivered.offset());
        acked.incrementAndGet();
      }
    });
  }

  void countFailure() {
    failed.incrementAndGet();
  }

  abstract int batchSize();

  abstract CompletableFuture<Delivered> send(Sequenced record, byte[] value, Produce options) throws InterruptedException;

  abstract void afterBatch() throws InterruptedException;

  /** Delivers what is left before the thread ends. */
  abstract void finish() throws InterruptedException;

  /** Stops producing, waits for the last deliveries, and rethrows what broke the load, if anything. */
  void stop() throws InterruptedException {
    stopping = true;
    thread.join(TimeUnit.MINUTES.toMillis(3));
    if (thread.isAlive()) {
      thread.interrupt();
      throw new AssertionError("load on " + topic + " did not stop within 3 minutes");
    }
    if (crashed != null) {
      throw new AssertionError("load on " + topic + " failed: " + crashed, crashed);
    }
  }

  static Duration deliveryWait() {
    return Duration.ofSeconds(90);
  }
}
