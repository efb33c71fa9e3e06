package dev.gregor.cli.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Points in time as people type them: epoch milliseconds, ISO-8601 with or without a zone
 * ({@code 2024-05-01T12:00:00Z}, {@code 2024-05-01T12:00:00.000} in the local zone, as
 * kafka-consumer-groups.sh reads it), a date, or {@code -DURATION} ago ({@code -1h}).
 */
public final class Times {
  private Times() {}

  /** Parses {@code text}; {@code now} anchors {@code -DURATION}, {@code zone} a time without a zone. */
  public static Instant parse(String text, Instant now, ZoneId zone) {
    String trimmed = text.trim();
    try {
      if (trimmed.startsWith("-")) {
        return now.minus(Durations.parse(trimmed.substring(1)));
      }
      if (!trimmed.isEmpty() && trimmed.chars().allMatch(Character::isDigit)) {
        return Instant.ofEpochMilli(Long.parseLong(trimmed));
      }
      if (trimmed.length() == 10) {
        return LocalDate.parse(trimmed).atStartOfDay(zone).toInstant();
      }
      try {
        return OffsetDateTime.parse(trimmed).toInstant();
      } catch (DateTimeParseException noZone) {
        return LocalDateTime.parse(trimmed).atZone(zone).toInstant();
      }
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not a time; use 2024-05-01T12:00:00Z, 2024-05-01T12:00:00 "
          + "(local time), 2024-05-01, epoch milliseconds, or -DURATION such as -1h");
    }
  }
}
