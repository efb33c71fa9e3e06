package dev.gregor.cli.internal;

/** Reads messages into a sink until the sink has enough, the end is reached, or {@link #stop()}. */
public interface MessageReader {
  /** Reads on the calling thread (and helpers of its own); returns normally when done or stopped. */
  void run(MessageSink sink);

  /** Ends {@link #run} soon, from any thread; what was taken is committed where a group is used. */
  void stop();
}
