package dev.gregor.framework.internal;

import dev.gregor.framework.Parser;
import java.nio.charset.StandardCharsets;

/** {@link Parser#text()}. */
public final class TextParser implements Parser {
  public static final TextParser INSTANCE = new TextParser();

  private TextParser() {}

  @Override
  public Object parse(byte[] data) {
    return new String(data, StandardCharsets.UTF_8);
  }

  @Override
  public byte[] generate(Object value) {
    return value instanceof byte[] bytes ? bytes : String.valueOf(value).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "text";
  }
}
