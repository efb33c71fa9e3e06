package dev.gregor.cli;

import dev.gregor.cli.internal.Durations;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Lets options take {@code 10s}, {@code 500ms} or {@code 5m}; a mistake is a usage error that shows the forms. */
final class DurationConverter implements ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    try {
      Duration duration = Durations.parse(value);
      if (duration.isNegative() || duration.isZero()) {
        throw new TypeConversionException("'" + value + "' must be a positive duration");
      }
      return duration;
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
