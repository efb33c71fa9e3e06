package dev.gregor.framework.internal.reporting;

import java.util.List;

/** What the reporter reads from a running app and what commands do to it; the app's runtime is one. */
public interface ReportedApp {
  /** Whether the server (listeners) was started in this process. */
  boolean server();

  /** Job worker threads started in this process, 0 for none. */
  int workerThreads();

  /** Threads that may perform controllers in the server: the shared pool and routes' own pools. */
  int performThreads();

  /** Whether the app was quieted. */
  boolean quieted();

  /** The partitions assigned to this process now, every group's. */
  List<PartitionState> partitions();

  /** Pauses (or resumes) {@code kafkaTopic}'s partition in every group of this process that reads it. */
  void command(String kafkaTopic, int partition, boolean pause);

  /** As {@code App.quiet()}. */
  void quiet();

  /** As {@code App.stop()}: graceful, waits for the app to stop. */
  void stop();
}
