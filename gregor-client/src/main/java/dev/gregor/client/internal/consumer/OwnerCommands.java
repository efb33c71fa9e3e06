package dev.gregor.client.internal.consumer;

import dev.gregor.client.GregorException;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets any thread act on a consumer that only its polling thread may touch: the polling thread
 * runs a call at once, other threads' calls wait in a queue for its next poll.
 */
final class OwnerCommands {
  private static final Logger LOG = LoggerFactory.getLogger(OwnerCommands.class);

  private final OwnerThread owner;
  private final Queue<Runnable> queued = new ConcurrentLinkedQueue<>();

  OwnerCommands(OwnerThread owner) {
    this.owner = owner;
  }

  /** Runs {@code command} now on the polling thread, or queues it; a queued command that fails is logged. */
  void run(String what, Runnable command) {
    if (owner.isCurrent()) {
      command.run();
      return;
    }
    queued.add(() -> {
      try {
        command.run();
      } catch (RuntimeException e) {
        LOG.warn("{} (asked from another thread) failed: {}", what, e.getMessage());
      }
    });
  }

  /** Runs {@code command} on the polling thread and waits up to {@code timeout} for it to finish. */
  void runAndWait(String what, Runnable command, Duration timeout) {
    if (owner.isCurrent()) {
      command.run();
      return;
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    queued.add(() -> {
      try {
        command.run();
        done.complete(null);
      } catch (RuntimeException e) {
        done.completeExceptionally(e);
      }
    });
    try {
      done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new GregorException(what + " failed", e.getCause());
    } catch (TimeoutException e) {
      throw new GregorException(what + " did not run within " + timeout.toMillis() + " ms: the polling thread did not "
          + "come back to poll (a long handler?) or is not polling at all", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GregorException(what + " was interrupted", e);
    }
  }

  /** Runs what other threads queued; called by the polling thread before each poll. */
  void runQueued() {
    Runnable command;
    while ((command = queued.poll()) != null) {
      command.run();
    }
  }
}
