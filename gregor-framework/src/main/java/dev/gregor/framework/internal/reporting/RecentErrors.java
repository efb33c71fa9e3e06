package dev.gregor.framework.internal.reporting;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The last {@link #KEPT} errors of this process, for its report. Only kept when reporting is on: formatting a
 * stack trace is not free, and a failing route may fail often.
 */
public final class RecentErrors {
  static final int KEPT = 10;
  /** A stack trace is cut here: enough to see where it failed, small enough for a report every few seconds. */
  static final int STACK_LIMIT = 4096;

  /** One error as the report shows it. */
  public record Note(Instant at, String origin, @Nullable String route, String message, String stack) {}

  private final boolean enabled;
  private final ArrayDeque<Note> notes = new ArrayDeque<>();

  public RecentErrors(boolean enabled) {
    this.enabled = enabled;
  }

  /** Keeps {@code error} (from {@code origin}, on route {@code route} when known), dropping the oldest past {@link #KEPT}. */
  public void add(String origin, @Nullable String route, Throwable error) {
    if (!enabled) {
      return;
    }
    Note note = new Note(Instant.now().truncatedTo(ChronoUnit.MILLIS), origin, route, String.valueOf(error),
        stack(error));
    synchronized (notes) {
      notes.addLast(note);
      while (notes.size() > KEPT) {
        notes.removeFirst();
      }
    }
  }

  /** The kept errors, oldest first. */
  public List<Note> list() {
    synchronized (notes) {
      return List.copyOf(notes);
    }
  }

  private static String stack(Throwable error) {
    StringWriter text = new StringWriter();
    error.printStackTrace(new PrintWriter(text));
    String stack = text.toString();
    return stack.length() <= STACK_LIMIT ? stack : stack.substring(0, STACK_LIMIT) + "\n\t... (cut)";
  }
}
