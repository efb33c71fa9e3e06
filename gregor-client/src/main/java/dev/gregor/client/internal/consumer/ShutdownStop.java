package dev.gregor.client.internal.consumer;

import java.time.Duration;

/** A JVM shutdown hook (SIGTERM, System.exit) that stops a consumer gracefully and waits for it. */
final class ShutdownStop {
  /** What the hook stops. */
  interface Stoppable {
    void stop();

    boolean awaitClosed(Duration timeout);
  }

  private final Thread hook;

  ShutdownStop(String name, Stoppable consumer, Duration timeout) {
    this.hook = new Thread(() -> {
      consumer.stop();
      consumer.awaitClosed(timeout);
    }, "gregor-shutdown-" + name);
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Unregisters the hook, unless the JVM is already shutting down (then it is running or about to). */
  void cancel() {
    if (Thread.currentThread() == hook) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook runs anyway and waits for the close that is happening now.
    }
  }
}
