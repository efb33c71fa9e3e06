package dev.gregor.client.internal.producer;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * Waits, with a bound, for the callbacks of one delivery's sends. kafka-clients' {@code flush()}
 * has no bound: when the broker rejects a batch as too large and kafka-clients cannot split it
 * below the topic's limit (a message over the limit keeps a neighbour in its batch), it splits
 * and resends forever, until its network thread dies of a StackOverflowError. So the flush runs
 * on a helper thread, and a producer whose batch splits outnumber its messages is stopped.
 */
final class Acknowledgements {
  private static final ExecutorService FLUSHES = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "gregor-producer-flush");
    thread.setDaemon(true);
    return thread;
  });
  private static final long POLL_MILLIS = 25;

  private final boolean[] done;
  /** Each producer this delivery used. */
  private final Map<KafkaProducer<byte[], byte[]>, Through> through = new IdentityHashMap<>();
  private Through lastThrough;
  private final KafkaProducer<?, ?>[] producerOf;
  private KafkaProducer<?, ?> lastProducer;
  private int pending;

  Acknowledgements(int size) {
    this.done = new boolean[size];
    this.producerOf = new KafkaProducer<?, ?>[size];
  }

  /** Call before {@code producer.send} of message {@code index}. */
  synchronized void sending(int index, KafkaProducer<byte[], byte[]> producer) {
    if (producer != lastProducer) { // per producer, not per message: reading its metrics is costly
      lastThrough = through.computeIfAbsent(producer, p -> new Through(splits(p)));
      lastProducer = producer;
    }
    lastThrough.sent++;
    producerOf[index] = producer;
    pending++;
  }

  /**
   * Message {@code index} was acknowledged or failed; repeated calls count once. Only the last
   * wakes the waiter, which looks at splits and the deadline every {@code POLL_MILLIS} anyway:
   * waking it for every acknowledgement cost a scan of the producer's metrics per message.
   */
  synchronized void finished(int index) {
    if (!done[index] && producerOf[index] != null) {
      done[index] = true;
      if (--pending == 0) {
        notifyAll();
      }
    }
  }

  /** The producer message {@code index} went through, or null if it was not sent. */
  synchronized KafkaProducer<?, ?> producerOf(int index) {
    return producerOf[index];
  }

  /**
   * Waits until every message finished or the deadline
   * (read again while waiting: a shutdown may bring it forward).
   * A producer that splits without end, or still holds messages at the deadline, is handed to
   * {@code stop} (outside this object's lock: stopping it runs its callbacks) and its messages
   * count as finished. Returns the stopped producers, each with why: "split" or "timeout".
   */
  Map<KafkaProducer<byte[], byte[]>, String> await(LongSupplier deadline, BiConsumer<KafkaProducer<byte[], byte[]>, String> stop) {
    List<KafkaProducer<byte[], byte[]>> used;
    synchronized (this) {
      used = new ArrayList<>(through.keySet());
    }
    Map<KafkaProducer<byte[], byte[]>, String> stopped = new IdentityHashMap<>();
    while (true) {
      KafkaProducer<byte[], byte[]> stopping = null;
      String why = null;
      synchronized (this) {
        if (pending == 0) {
          return stopped;
        }
        long deadlineNanos = deadline.getAsLong();
        long left = deadlineNanos - System.nanoTime();
        try {
          if (left > 0) {
            wait(Math.max(1, Math.min(POLL_MILLIS, TimeUnit.NANOSECONDS.toMillis(left))));
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          left = 0;
        }
        for (KafkaProducer<byte[], byte[]> producer : used) {
          if (stopped.containsKey(producer) || !waitingOn(producer)) {
            continue;
          }
          Through sent = through.get(producer);
          if (splits(producer) - sent.splitsBefore > sent.sent) {
            stopping = producer;
            why = "split";
          } else if (left <= 0 || deadlineNanos - System.nanoTime() <= 0) {
            stopping = producer;
            why = "timeout";
          }
          if (stopping != null) {
            break;
          }
        }
      }
      if (stopping != null) {
        stopped.put(stopping, why);
        stop.accept(stopping, why);
        abandon(stopping);
      }
    }
  }

  /** Sends what the producers used so far hold now, without waiting for it (and without their linger). */
  void flush() {
    List<KafkaProducer<byte[], byte[]>> used;
    synchronized (this) {
      used = new ArrayList<>(through.keySet());
    }
    used.forEach(producer -> FLUSHES.execute(() -> flush(producer)));
  }

  private static void flush(KafkaProducer<byte[], byte[]> producer) {
    try {
      producer.flush();
    } catch (RuntimeException closedMeanwhile) {
      // A producer stopped while this flush waited: its messages were failed by the stop.
    }
  }

  private synchronized void abandon(KafkaProducer<byte[], byte[]> producer) {
    for (int i = 0; i < done.length; i++) {
      if (producerOf[i] == producer && !done[i]) {
        done[i] = true;
        pending--;
      }
    }
  }

  private synchronized boolean waitingOn(KafkaProducer<byte[], byte[]> producer) {
    for (int i = 0; i < done.length; i++) {
      if (producerOf[i] == producer && !done[i]) {
        return true;
      }
    }
    return false;
  }

  /** What one producer carried for this delivery: its batch splits before it, and how many messages went through it. */
  private static final class Through {
    private final double splitsBefore;
    private int sent;

    private Through(double splitsBefore) {
      this.splitsBefore = splitsBefore;
    }
  }

  private static double splits(KafkaProducer<byte[], byte[]> producer) {
    for (Map.Entry<MetricName, ? extends Metric> metric : producer.metrics().entrySet()) {
      if (metric.getKey().name().equals("batch-split-total") && metric.getKey().group().equals("producer-metrics")) {
        return metric.getValue().metricValue() instanceof Number n ? n.doubleValue() : 0;
      }
    }
    return 0;
  }
}
