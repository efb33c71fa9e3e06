package dev.gregor.embedded;

/** Where the broker nodes run. */
public enum ProcessMode {
  /** In the caller's JVM: fastest to start; {@link EmbeddedKafka#kill(int)} is not available. */
  IN_PROCESS,
  /** Each node in its own child JVM: isolated, and {@link EmbeddedKafka#kill(int)} sends SIGKILL. */
  CHILD_JVM
}
