package dev.gregor.cli.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people type them on a command line: {@code 500ms}, {@code 10s}, {@code 5m}, {@code 1h}, {@code 2d} or ISO {@code PT10S}. */
public final class Durations {
  private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h|d)");

  private Durations() {}

  /** Parses {@code text}, throwing {@link IllegalArgumentException} that shows the accepted forms. */
  public static Duration parse(String text) {
    String trimmed = text.trim().toLowerCase(Locale.ROOT);
    Matcher matcher = SHORT.matcher(trimmed);
    if (matcher.matches()) {
      long amount = Long.parseLong(matcher.group(1));
      switch (matcher.group(2)) {
        case "ms": return Duration.ofMillis(amount);
        case "s": return Duration.ofSeconds(amount);
        case "m": return Duration.ofMinutes(amount);
        case "h": return Duration.ofHours(amount);
        default: return Duration.ofDays(amount);
      }
    }
    try {
      return Duration.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not a duration; use a number with a unit, such as 500ms, 10s, 5m, 1h or 2d");
    }
  }
}
