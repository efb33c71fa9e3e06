package dev.gregor.cli;

import dev.gregor.client.Message;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code -H NAME=VALUE} (split at the first '='); a name may be given more than once. */
final class HeaderConverter implements ITypeConverter<Message.Header> {
  @Override
  public Message.Header convert(String text) {
    int equals = text.indexOf('=');
    if (equals <= 0) {
      throw new TypeConversionException("'" + text + "' is not NAME=VALUE; for example -H source=cli");
    }
    return new Message.Header(text.substring(0, equals), text.substring(equals + 1).getBytes(StandardCharsets.UTF_8));
  }
}
