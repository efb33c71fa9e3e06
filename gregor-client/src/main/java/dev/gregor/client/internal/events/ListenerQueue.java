package dev.gregor.client.internal.events;

import dev.gregor.client.Notification;
import dev.gregor.client.NotificationListener;
import dev.gregor.client.NotificationSubscription;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One listener's bounded queue and thread: a slow listener only drops its own notifications
 * (counted), and a throwing one is logged and kept. The listener takes its notifications in
 * batches: once its queue is empty it waits a millisecond for more before it sleeps, and only a
 * sleeping listener is woken, so a busy client pays no thread wake-up per notification (which
 * cost five sixths of the consumer's throughput with one listener on every event).
 */
final class ListenerQueue implements NotificationSubscription {
  private static final Logger LOG = LoggerFactory.getLogger(ListenerQueue.class);
  private static final int CAPACITY = 10_000;
  private static final long BATCH_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
  /** What {@link #deliveredName} caches for a name the listener does not want. */
  private static final String UNWANTED = "";

  private final Pattern names;
  private final boolean spans;
  private final NotificationListener listener;
  private final Consumer<ListenerQueue> onClose;
  private final ConcurrentLinkedQueue<Notification> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger queued = new AtomicInteger();
  /** Per event name and phase, the name the listener gets it under, or {@link #UNWANTED}: matching is asked per notification. */
  private final Map<String, String> eventNames = new ConcurrentHashMap<>();
  private final Map<String, String> startNames = new ConcurrentHashMap<>();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final Thread thread;
  private volatile boolean sleeping;
  private volatile boolean closed;

  ListenerQueue(Pattern names, boolean spans, NotificationListener listener, Consumer<ListenerQueue> onClose) {
    this.names = names;
    this.spans = spans;
    this.listener = listener;
    this.onClose = onClose;
    this.thread = new Thread(this::deliver, "gregor-notifications-" + names.pattern());
    thread.setDaemon(true);
    thread.start();
  }

  boolean matches(String name) {
    return names.matcher(name).matches() || (!spans && wantsStartOf(name));
  }

  /** Whether this listener takes the START phase of the span named {@code name}. */
  boolean wantsStartOf(String name) {
    return spans ? names.matcher(name).matches() : names.matcher("start_" + name).matches();
  }

  /** Finished events by name; spans get every phase; ruby-kafka's start_ events are the START phase renamed. */
  boolean wants(Notification n) {
    return deliveredName(n) != UNWANTED;
  }

  private String deliveredName(Notification n) {
    if (!spans && n.phase() == Notification.Phase.START) {
      return startNames.computeIfAbsent(n.name(), name -> {
        String renamed = "start_" + name;
        return names.matcher(renamed).matches() ? renamed : UNWANTED;
      });
    }
    return eventNames.computeIfAbsent(n.name(), name -> names.matcher(name).matches() ? name : UNWANTED);
  }

  void offer(Notification n) {
    Notification delivered = !spans && n.phase() == Notification.Phase.START
        ? new Notification(deliveredName(n), Notification.Phase.EVENT, n.time(), n.duration(), null, n.payload())
        : n;
    if (closed) {
      return;
    }
    if (queued.incrementAndGet() > CAPACITY) {
      queued.decrementAndGet();
      dropped.incrementAndGet();
      return;
    }
    queue.add(delivered);
    if (sleeping) {
      sleeping = false;
      LockSupport.unpark(thread);
    }
  }

  private void deliver() {
    boolean waited = false;
    while (!closed) {
      Notification n = queue.poll();
      if (n == null) {
        if (!waited) {
          LockSupport.parkNanos(this, BATCH_WAIT_NANOS);
          waited = true;
        } else {
          sleeping = true;
          if (queue.isEmpty() && !closed) { // an offer between poll and here saw sleeping false: look again
            LockSupport.park(this);
          }
          sleeping = false;
          waited = false;
        }
        continue;
      }
      waited = false;
      queued.decrementAndGet();
      try {
        listener.on(n);
      } catch (Exception | LinkageError e) {
        long count = failed.incrementAndGet();
        if (count == 1 || count % 1000 == 0) { // reported, but a listener failing on everything must not flood the log
          LOG.warn("A notification listener threw on {} ({} failures so far); Kafka work goes on", n.name(), count, e);
        }
      }
    }
  }

  @Override
  public long dropped() {
    return dropped.get();
  }

  @Override
  public long failed() {
    return failed.get();
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt(); // also ends a listener call that waits
    queue.clear();
    onClose.accept(this);
  }
}
