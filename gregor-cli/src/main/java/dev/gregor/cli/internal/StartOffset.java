package dev.gregor.cli.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Where {@code consume --offset} starts in each partition: {@code earliest}, {@code latest}, an
 * offset {@code N}, {@code -N} (the last N messages), or {@code @TIME} (the first message at or
 * after TIME: epoch milliseconds, ISO-8601, or {@code -DURATION} ago such as {@code @-1h}).
 */
public record StartOffset(Kind kind, long value, Instant time) {

  /** The forms of {@code --offset}. */
  public enum Kind { EARLIEST, LATEST, EXACT, FROM_END, TIME }

  public static final StartOffset EARLIEST = new StartOffset(Kind.EARLIEST, 0, null);
  public static final StartOffset LATEST = new StartOffset(Kind.LATEST, 0, null);

  /** Parses {@code text}; {@code now} anchors {@code @-DURATION}. */
  public static StartOffset parse(String text, Instant now) {
    String trimmed = text.trim().toLowerCase(Locale.ROOT);
    if (trimmed.equals("earliest") || trimmed.equals("beginning")) {
      return EARLIEST;
    }
    if (trimmed.equals("latest") || trimmed.equals("end")) {
      return LATEST;
    }
    if (trimmed.startsWith("@")) {
      return new StartOffset(Kind.TIME, 0, time(text.trim().substring(1), now));
    }
    try {
      long number = Long.parseLong(trimmed);
      return number < 0 ? new StartOffset(Kind.FROM_END, -number, null) : new StartOffset(Kind.EXACT, number, null);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not an offset; use earliest, latest, N, -N or @TIME "
          + "(epoch milliseconds, 2024-05-01T12:00:00Z, or @-1h for an hour ago)");
    }
  }

  /** The offset to start at in one partition, given its current earliest and latest offsets. */
  public long resolve(long earliest, long latest, java.util.function.Function<Instant, Long> offsetForTime) {
    switch (kind) {
      case EARLIEST: return earliest;
      case LATEST: return latest;
      case EXACT: return Math.max(earliest, Math.min(value, latest));
      case FROM_END: return Math.max(earliest, latest - value);
      default:
        long found = offsetForTime.apply(time);
        return found < 0 ? latest : found; // no message that late: wait for new ones
    }
  }

  private static Instant time(String text, Instant now) {
    try {
      if (text.startsWith("-")) {
        return now.minus(Durations.parse(text.substring(1)));
      }
      if (text.chars().allMatch(Character::isDigit) && !text.isEmpty()) {
        return Instant.ofEpochMilli(Long.parseLong(text));
      }
      return Instant.parse(text);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new IllegalArgumentException("'@" + text + "' is not a time; use epoch milliseconds, ISO-8601 such as "
          + "@2024-05-01T12:00:00Z, or @-DURATION such as @-1h");
    }
  }
}
