package dev.gregor.embedded.internal;

/** One running broker node, in this JVM or in a child JVM. */
public interface NodeProcess {
  /** Starts the node; returns once the server's startup has returned. */
  void start();

  /** Shuts the node down cleanly (controlled shutdown) and waits for it. */
  void stop();

  /** Ends the node abruptly, without any shutdown (SIGKILL for a child JVM). */
  void kill();

  boolean isRunning();
}
