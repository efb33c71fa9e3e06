package dev.gregor.bench.internal.run;

/** A client set up for one run: {@link #run()} is the timed part, opening and closing are not. */
public interface Session extends AutoCloseable {
  void run() throws Exception;

  @Override
  void close() throws Exception;

  /** The timed work of a session that holds nothing to close. */
  @FunctionalInterface
  interface Work {
    void run() throws Exception;
  }

  /** Opens a {@link Session} on a topic. */
  @FunctionalInterface
  interface Opener {
    Session open(String topic) throws Exception;
  }
}
