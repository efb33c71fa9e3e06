package dev.gregor.framework.internal.processing;

import dev.gregor.client.Delivered;
import dev.gregor.client.DeliveryFailed;
import dev.gregor.client.Gregor;
import dev.gregor.client.PendingMessage;
import dev.gregor.client.Producer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A thread that writes failed messages to retry and dead-letter topics for one listener: whatever was
 * asked for while the last delivery ran goes in the next one, so many failures share a round trip.
 * Failed deliveries stay buffered and are tried again, with a backoff, until the writer is closed.
 */
final class ForwardWriter implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(ForwardWriter.class);
  private static final long MAX_BACKOFF_MS = 5_000;

  private record Request(List<PendingMessage> messages, CompletableFuture<Void> written) {}

  private final Gregor client;
  private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean running = true;

  ForwardWriter(Gregor client, String name) {
    this.client = client;
    this.thread = new Thread(this, name);
    thread.setDaemon(true);
    thread.start();
  }

  /** Completes once every message was acknowledged; fails only if the writer closes first. */
  CompletableFuture<Void> write(List<PendingMessage> messages) {
    CompletableFuture<Void> written = new CompletableFuture<>();
    requests.add(new Request(messages, written));
    return written;
  }

  @Override
  public void run() {
    long backoff = 0;
    // Failures are already in memory as messages; the buffer must take a whole failed batch at once.
    try (Producer producer = client.producer(p -> p.maxBufferSize(1_000_000).maxBufferBytesize(1L << 31))) {
      while (running || producer.bufferSize() > 0 && backoff == 0) {
        Request first = producer.bufferSize() > 0 ? requests.poll() : requests.poll(100, TimeUnit.MILLISECONDS);
        List<Request> batch = new ArrayList<>();
        if (first != null) {
          batch.add(first);
          requests.drainTo(batch);
        }
        for (Request request : batch) {
          List<CompletableFuture<Delivered>> reports = new ArrayList<>();
          for (PendingMessage message : request.messages()) {
            reports.add(producer.produce(message.topic(), message.value(), message.options()));
          }
          CompletableFuture.allOf(reports.toArray(CompletableFuture[]::new))
              .whenComplete((done, error) -> complete(request.written(), error));
        }
        if (producer.bufferSize() == 0) {
          continue;
        }
        try {
          producer.deliverMessages();
          backoff = 0;
        } catch (DeliveryFailed e) { // the failed ones stay buffered for the next delivery
          backoff = Math.min(MAX_BACKOFF_MS, Math.max(100, backoff * 2));
          LOG.warn("Writing {} message(s) to retry or dead-letter topics failed; trying again in {} ms: {}",
              producer.bufferSize(), backoff, e.getMessage());
          TimeUnit.MILLISECONDS.sleep(backoff); // a pause before the broker is asked again, on the writer's own thread
        }
      }
      producer.clearBuffer(); // what is left fails its requests: those messages were not committed
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Request left;
    while ((left = requests.poll()) != null) {
      left.written().completeExceptionally(new IllegalStateException("the app stopped before the write"));
    }
  }

  private static void complete(CompletableFuture<Void> written, Throwable error) {
    if (error == null) {
      written.complete(null);
    } else {
      written.completeExceptionally(error);
    }
  }

  /** Stops taking requests, tries what is buffered once more within {@code timeout}, then stops. */
  void close(Duration timeout) {
    running = false;
    try {
      thread.join(Math.max(1, timeout.toMillis()));
      if (thread.isAlive()) {
        thread.interrupt();
        thread.join(1_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
