package dev.gregor.cli.internal;

import dev.gregor.client.Message;

/** Where readers hand consumed messages; it decides when enough have arrived. Thread-safe. */
public interface MessageSink {
  /** Takes the message unless no more are wanted; returns whether it was taken. */
  boolean accept(Message message);

  /** False once the count is reached or the output was closed (the reader of a pipe went away). */
  boolean wantsMore();
}
