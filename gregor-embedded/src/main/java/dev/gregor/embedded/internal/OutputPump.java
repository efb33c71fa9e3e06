package dev.gregor.embedded.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Reads a child process's stream line by line on a daemon thread until it ends, appending to a
 * log file and handing each line on. Reading always, even with nowhere to put the lines, is what
 * keeps a child from blocking on a full pipe.
 */
public final class OutputPump {
  private final CountDownLatch ended = new CountDownLatch(1);

  private OutputPump() {}

  /** Starts reading {@code stream}; {@code log} and {@code lines} may each be null. */
  public static OutputPump start(InputStream stream, Path log, Consumer<String> lines, String threadName) {
    OutputPump pump = new OutputPump();
    Thread thread = new Thread(() -> pump.run(stream, log, lines), threadName);
    thread.setDaemon(true);
    thread.start();
    return pump;
  }

  private void run(InputStream stream, Path log, Consumer<String> lines) {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
         Writer file = log == null ? Writer.nullWriter() : Files.newBufferedWriter(log, StandardCharsets.UTF_8,
             StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
      String line;
      while ((line = reader.readLine()) != null) {
        file.write(line);
        file.write('\n');
        file.flush(); // a crash of this JVM must not lose what the child said
        if (lines != null) {
          try {
            lines.accept(line);
          } catch (RuntimeException e) {
            // A failing consumer must not stop the reading, or the child would block on a full pipe.
          }
        }
      }
    } catch (IOException e) {
      // The child is gone or the log cannot be written; what was read so far was handed on.
    } finally {
      ended.countDown();
    }
  }

  /** Waits until the stream ended, at most until {@code deadlineNanos} ({@link System#nanoTime()}); whether it did. */
  public boolean await(long deadlineNanos) throws InterruptedException {
    return ended.await(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
  }
}
