package dev.gregor.chaos;

/**
 * Where consumers report what they processed and what their group committed: a {@link History}
 * in this JVM, or a {@link Journal} that a consumer in another process writes for one.
 */
public interface Recorder {
  /** {@code member} finished processing the record at {@code offset}; {@code record} is null when it was undecodable. */
  void processed(String member, int partition, long offset, Sequenced record);

  /** {@code member}'s group committed {@code offset} (the next one to read) for {@code partition}. */
  void committed(String member, int partition, long offset);
}
