package dev.gregor.client.internal.producer;

import dev.gregor.client.AsyncProducerSettings;
import dev.gregor.client.BufferOverflow;
import dev.gregor.client.Config;
import dev.gregor.client.PendingMessage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The background thread of an async producer: it alone owns the buffer and the Kafka producer,
 * and callers reach it through a queue (ruby-kafka's async producer design). Its deliveries do
 * not wait for each other's acknowledgements ({@link DeliveryPipeline}).
 */
public final class AsyncWorker implements Runnable {

  // The queue holds these and the BufferedMessages themselves: a wrapper per message cost an allocation.
  private sealed interface Operation permits Deliver, Shutdown, Acknowledged {}

  private record Deliver(CompletableFuture<Void> done) implements Operation {}

  private record Shutdown(long deadlineNanos, CompletableFuture<List<PendingMessage>> done) implements Operation {}

  /** A delivery's acknowledgements are in. */
  private record Acknowledged() implements Operation {}

  private static final Acknowledged ACKNOWLEDGED = new Acknowledged();

  private final AsyncProducerSettings settings;
  private static final int DRAIN = 256;

  private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
  /** Taken from {@link #queue} in one go, in order: a lock round per message slowed both the callers and the worker. */
  private final Deque<Object> taken = new ArrayDeque<>(DRAIN);
  private final Semaphore queueSpace;
  private final MessageBuffer buffer;
  private final BatchSender sender;
  private final DeliveryPipeline pipeline;
  private long nextIntervalNanos;
  /** Set by a shutdown request, so the worker stops taking the slow path for messages queued before it. */
  private volatile Shutdown shutdownRequest;

  public AsyncWorker(Config config, AsyncProducerSettings settings, ProducerEvents events, TopicLimits limits) {
    this.settings = settings;
    this.queueSpace = new Semaphore(settings.maxQueueSize());
    this.buffer = new MessageBuffer(settings.producer().maxBufferSize(), settings.producer().maxBufferBytesize(), events);
    this.sender = new BatchSender(config, settings.producer(), limits);
    this.pipeline = new DeliveryPipeline(buffer, sender, settings.redeliveryBackoff(), () -> queue.add(ACKNOWLEDGED));
    this.nextIntervalNanos = intervalFromNow();
  }

  /** Queues a message for the worker, or throws {@link BufferOverflow} when {@code maxQueueSize} are waiting. */
  public void enqueue(BufferedMessage message) {
    if (!queueSpace.tryAcquire()) {
      throw new BufferOverflow("Cannot queue a message for topic '" + message.message().topic() + "': "
          + settings.maxQueueSize() + " messages (maxQueueSize) are already waiting for the background thread");
    }
    queue.add(message);
  }

  public CompletableFuture<Void> requestDelivery() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    queue.add(new Deliver(done));
    return done;
  }

  /** Asks the worker to deliver what it holds by {@code deadlineNanos} and stop; a delivery under way is cut short to it. */
  public CompletableFuture<List<PendingMessage>> requestShutdown(long deadlineNanos) {
    CompletableFuture<List<PendingMessage>> done = new CompletableFuture<>();
    Shutdown shutdown = new Shutdown(deadlineNanos, done);
    sender.cutOff(deadlineNanos);
    shutdownRequest = shutdown;
    queue.add(shutdown);
    return done;
  }

  @Override
  public void run() {
    try {
      while (true) {
        long wakeup = nextWakeup();
        long wait = wakeup == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(0, wakeup - System.nanoTime());
        Object operation = next(wait);
        Shutdown shutdown = shutdownRequest;
        if (shutdown != null) {
          // The operation just taken goes first: it was queued before everything still waiting.
          shutdown.done().complete(drainAndClose(shutdown.deadlineNanos(), operation));
          return;
        }
        if (operation == null) {
          deliver(false);
        } else if (operation instanceof BufferedMessage message) {
          queueSpace.release();
          buffer(message);
        } else if (operation instanceof Acknowledged) {
          pipeline.settleAcknowledged();
          deliverIfDue();
        } else if (operation instanceof Deliver deliver) {
          // Asked to deliver: everything buffered now goes out, and the caller hears when it settled.
          pipeline.settleAll();
          deliver(true);
          pipeline.settleAll();
          deliver.done().complete(null);
        }
      }
    } catch (InterruptedException e) {
      Shutdown shutdown = shutdownRequest;
      List<PendingMessage> left = drainAndClose(System.nanoTime(), null);
      if (shutdown != null) {
        shutdown.done().complete(left);
      }
    }
  }

  /** The next operation in queue order, waiting up to {@code waitNanos} when none is queued; null if none came. */
  private Object next(long waitNanos) throws InterruptedException {
    Object operation = taken.poll();
    if (operation != null) {
      return operation;
    }
    if (queue.drainTo(taken, DRAIN) > 0) {
      return taken.poll();
    }
    return queue.poll(waitNanos, TimeUnit.NANOSECONDS);
  }

  private void buffer(BufferedMessage message) {
    try {
      buffer.add(message);
    } catch (BufferOverflow full) {
      // Make room: send what is buffered and wait for the oldest delivery, then try once more.
      deliver(true);
      pipeline.settleOldest();
      try {
        buffer.add(message);
      } catch (BufferOverflow stillFull) {
        message.report().completeExceptionally(stillFull);
        return;
      }
    }
    deliverIfDue();
  }

  private void deliverIfDue() {
    if (settings.deliveryThreshold() > 0 && buffer.size() >= settings.deliveryThreshold()) {
      deliver(false);
    }
  }

  /** Starts a delivery of everything buffered; unless {@code now}, not before the backoff after a failure has passed. */
  private void deliver(boolean now) {
    nextIntervalNanos = intervalFromNow();
    // Flushing every delivery cut kafka-clients' batches at each threshold (a thousand 100 B
    // messages) and cost a flush thread's wake-up per delivery: while callers keep the queue
    // filled, the next delivery fills the last batch instead; once it runs dry, no message waits.
    pipeline.start(now, queueSpace.availablePermits() < settings.maxQueueSize()); // a message waits behind this one
  }

  /** Hands everything still queued, in queue order, to a {@link ShutdownDrain} that delivers it until the deadline. */
  private List<PendingMessage> drainAndClose(long deadlineNanos, Object current) {
    List<Object> rest = new ArrayList<>();
    if (current != null) {
      rest.add(current);
    }
    rest.addAll(taken);
    taken.clear();
    queue.drainTo(rest);
    pipeline.settleAll(); // bounded: the shutdown cut the sender off at its deadline
    ShutdownDrain drain = new ShutdownDrain(buffer, sender, deadlineNanos, pipeline.lastFailure());
    for (Object operation : rest) {
      if (operation instanceof BufferedMessage message) {
        queueSpace.release();
        drain.add(message);
      } else if (operation instanceof Deliver deliver) {
        deliver.done().complete(null);
      } else if (operation instanceof Shutdown other && other != shutdownRequest) {
        other.done().complete(List.of());
      }
    }
    return drain.finish();
  }

  /** The next interval delivery, or the retry of failed messages once nothing is in flight (its settling wakes the worker). */
  private long nextWakeup() {
    long interval = settings.deliveryInterval().isZero() ? Long.MAX_VALUE : nextIntervalNanos;
    long retry = pipeline.retryAtNanos();
    return buffer.size() == 0 || retry == 0 || pipeline.inFlight() ? interval : Math.min(interval, retry);
  }

  private long intervalFromNow() {
    return settings.deliveryInterval().isZero() ? Long.MAX_VALUE : System.nanoTime() + settings.deliveryInterval().toNanos();
  }
}
