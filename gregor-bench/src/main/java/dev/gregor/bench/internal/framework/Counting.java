package dev.gregor.bench.internal.framework;

import dev.gregor.bench.internal.consumer.Tally;
import dev.gregor.framework.Controller;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Where the bench's controllers count: the framework makes them, so the run in progress is set here. */
final class Counting {
  private static volatile Tally tally;
  private static volatile CountDownLatch done;

  private Counting() {}

  /** Starts counting for one run. */
  static synchronized void begin(Tally runTally) {
    tally = runTally;
    done = new CountDownLatch(1);
  }

  /** Counts records performed; returns whether the run has seen every record it expects. */
  static boolean add(int records) {
    Tally current = tally;
    boolean complete;
    synchronized (Counting.class) {
      complete = current.add(records);
    }
    if (complete) {
      done.countDown();
    }
    return complete;
  }

  /** Waits for the run's last record; fails after {@code timeout}. */
  static void await(Duration timeout) throws InterruptedException {
    if (!done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("not every record was performed within " + timeout);
    }
  }

  /** Stands for I/O of {@code millis} per record (a call to a service, a database write): a blocking wait. */
  static void work(long millis) {
    if (millis > 0) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Counts each message after 10 ms of blocking "I/O". */
  public static final class Io10Controller extends Controller {
    @Override
    protected void perform() {
      work(10);
      add(batch().size());
    }
  }

  /** Counts each message it performs: the framework's whole path, no work of its own. */
  public static final class Controller1 extends Controller {
    @Override
    protected void perform() {
      add(batch().size());
    }
  }
}
