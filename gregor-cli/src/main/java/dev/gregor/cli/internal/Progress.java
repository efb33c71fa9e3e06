package dev.gregor.cli.internal;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A progress line on a terminal, redrawn in place at most five times a second: a bar and percent
 * when the input's size is known, and always the count and rate. Cleared before the summary.
 */
public final class Progress {
  private static final long REDRAW_NANOS = 200_000_000L;
  private static final int BAR = 30;

  private final PrintWriter err;
  private final boolean enabled;
  private final long totalBytes;
  private final long startNanos = System.nanoTime();
  private long lastDrawNanos;
  private int drawnWidth;

  /** {@code totalBytes} is -1 when the size is unknown (standard input). */
  public Progress(PrintWriter err, boolean enabled, long totalBytes) {
    this.err = err;
    this.enabled = enabled;
    this.totalBytes = totalBytes;
  }

  /** Redraws the line if enough time has passed since the last time. */
  public void update(long messages, long bytesRead) {
    long now = System.nanoTime();
    if (!enabled || (drawnWidth > 0 && now - lastDrawNanos < REDRAW_NANOS)) {
      return;
    }
    lastDrawNanos = now;
    double seconds = Math.max((now - startNanos) / 1e9, 1e-3);
    String counts = String.format(Locale.ROOT, "%,d messages  %,.0f msg/s", messages, messages / seconds);
    String line = totalBytes > 0 ? bar(bytesRead) + "  " + counts : counts;
    err.print("\r" + line + " ".repeat(Math.max(0, drawnWidth - line.length())));
    err.flush();
    drawnWidth = line.length();
  }

  /** Erases the line, so that the summary starts at the left margin. */
  public void clear() {
    if (enabled && drawnWidth > 0) {
      err.print("\r" + " ".repeat(drawnWidth) + "\r");
      err.flush();
      drawnWidth = 0;
    }
  }

  private String bar(long bytesRead) {
    double done = Math.min(1.0, (double) bytesRead / totalBytes);
    int filled = (int) Math.round(done * BAR);
    return "[" + "#".repeat(filled) + " ".repeat(BAR - filled) + "] " + String.format(Locale.ROOT, "%3.0f%%", done * 100);
  }
}
