package dev.gregor.cli;

import dev.gregor.client.Acks;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --acks} as Gregor names it (all, leader, none) or as Kafka does (-1, 1, 0). */
final class AcksConverter implements ITypeConverter<Acks> {
  @Override
  public Acks convert(String value) {
    switch (value.toLowerCase(Locale.ROOT)) {
      case "all": case "-1": return Acks.ALL;
      case "leader": case "1": return Acks.LEADER;
      case "none": case "0": return Acks.NONE;
      default: throw new TypeConversionException("'" + value + "' is not one of all (-1), leader (1), none (0)");
    }
  }
}
