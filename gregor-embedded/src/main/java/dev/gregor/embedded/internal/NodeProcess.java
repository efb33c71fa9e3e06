package dev.gregor.embedded.internal;

import java.time.Duration;

/** One running broker node, in this JVM or in a child JVM. */
public interface NodeProcess {
  /** Starts the node; returns once the server's startup has returned. */
  void start();

  /**
   * Stops the node's broker, waiting at most {@code controlledShutdownTimeout} for the controllers
   * to approve a controlled shutdown; its controller, if any, keeps running until {@link #stop()}.
   */
  void stopBroker(Duration controlledShutdownTimeout);

  /** Shuts the whole node down and waits for it. */
  void stop();

  /** Ends the node abruptly, without any shutdown (SIGKILL for a child JVM). */
  void kill();

  boolean isRunning();
}
