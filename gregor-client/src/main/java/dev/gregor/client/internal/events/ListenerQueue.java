package dev.gregor.client.internal.events;

import dev.gregor.client.Notification;
import dev.gregor.client.NotificationListener;
import dev.gregor.client.NotificationSubscription;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One listener's bounded queue and thread: a slow listener only drops its own notifications
 * (counted), and a throwing one is logged and kept.
 */
final class ListenerQueue implements NotificationSubscription {
  private static final Logger LOG = LoggerFactory.getLogger(ListenerQueue.class);
  private static final int CAPACITY = 10_000;

  private final Pattern names;
  private final boolean spans;
  private final NotificationListener listener;
  private final Consumer<ListenerQueue> onClose;
  private final BlockingQueue<Notification> queue = new ArrayBlockingQueue<>(CAPACITY);
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final Thread thread;
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
    return names.matcher(name).matches() || (!spans && names.matcher("start_" + name).matches());
  }

  /** Finished events by name; spans get every phase; ruby-kafka's start_ events are the START phase renamed. */
  boolean wants(Notification n) {
    if (spans) {
      return names.matcher(n.name()).matches();
    }
    if (n.phase() == Notification.Phase.START) {
      return names.matcher("start_" + n.name()).matches();
    }
    return names.matcher(n.name()).matches();
  }

  void offer(Notification n) {
    Notification delivered = !spans && n.phase() == Notification.Phase.START
        ? new Notification("start_" + n.name(), Notification.Phase.EVENT, n.time(), n.duration(), null, n.payload())
        : n;
    if (!closed && !queue.offer(delivered)) {
      dropped.incrementAndGet();
    }
  }

  private void deliver() {
    while (!closed) {
      Notification n;
      try {
        n = queue.take();
      } catch (InterruptedException e) {
        return;
      }
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
    thread.interrupt();
    queue.clear();
    onClose.accept(this);
  }
}
