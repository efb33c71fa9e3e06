package dev.gregor.cli;

import dev.gregor.cli.internal.PropertyAssignment;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code -X key=value}; anything else is a usage error that shows an example. */
final class PropertyConverter implements ITypeConverter<PropertyAssignment> {
  @Override
  public PropertyAssignment convert(String value) {
    try {
      return PropertyAssignment.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
