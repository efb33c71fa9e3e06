package dev.gregor.client.internal.producer;

import dev.gregor.client.Delivered;
import dev.gregor.client.PendingMessage;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * A delivery report that tells its producer, once, when it settles: a callback stage per message
 * ({@code whenComplete}) cost an allocation and a compare-and-swap on the caller's thread and a
 * stage to run on the worker's, for every message of an async producer.
 */
public final class SettlingReport extends CompletableFuture<Delivered> {
  /** Hears every report of one producer settle, on the thread that settled it. */
  @FunctionalInterface
  public interface Listener {
    void settled(PendingMessage message, Delivered delivered, Throwable failure);
  }

  private final PendingMessage message;
  private final Listener listener;

  SettlingReport(PendingMessage message, Listener listener) {
    this.message = message;
    this.listener = listener;
  }

  @Override
  public boolean complete(Delivered delivered) {
    if (!super.complete(delivered)) {
      return false;
    }
    listener.settled(message, delivered, null);
    return true;
  }

  @Override
  public boolean completeExceptionally(Throwable failure) {
    if (!super.completeExceptionally(failure)) {
      return false;
    }
    listener.settled(message, null, failure);
    return true;
  }

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) { // a caller giving up on its report: it no longer waits
    if (!super.cancel(mayInterruptIfRunning)) {
      return false;
    }
    listener.settled(message, null, new CancellationException("the delivery report was cancelled"));
    return true;
  }
}
