package dev.gregor.cli.internal;

import dev.gregor.client.Message;
import java.io.PrintWriter;
import java.util.function.Function;

/**
 * Prints consumed messages, each as {@code format} renders it, up to a count. Output is flushed
 * by {@link #flush()} (called a few times a second), not per message, so large dumps stay fast;
 * a closed pipe ({@code | head}) is noticed there and ends reading.
 */
public final class MessageOutput implements MessageSink {
  private final PrintWriter out;
  private final Function<Message, String> format;
  private final long limit;
  private long written;
  private volatile boolean closed;
  private volatile long lastMessageNanos = System.nanoTime();

  /** {@code limit} is the most messages to print; Long.MAX_VALUE for no limit. */
  public MessageOutput(PrintWriter out, Function<Message, String> format, long limit) {
    this.out = out;
    this.format = format;
    this.limit = limit;
  }

  @Override
  public synchronized boolean accept(Message message) {
    lastMessageNanos = System.nanoTime();
    if (written >= limit || closed) {
      return false;
    }
    out.print(format.apply(message));
    written++;
    if (written >= limit) {
      flush();
    }
    return true;
  }

  @Override
  public synchronized boolean wantsMore() {
    return written < limit && !closed;
  }

  /** Flushes what was printed; notices when nobody reads the output any more. */
  public void flush() {
    // PrintWriter never throws; checkError() flushes and reports an earlier or current failure.
    if (out.checkError()) {
      closed = true;
    }
  }

  public synchronized long written() {
    return written;
  }

  public boolean closed() {
    return closed;
  }

  /** When the last message arrived (or this output was created), for the idle --timeout. */
  public long lastMessageNanos() {
    return lastMessageNanos;
  }
}
