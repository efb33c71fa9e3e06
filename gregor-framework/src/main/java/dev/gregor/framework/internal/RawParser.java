package dev.gregor.framework.internal;

import dev.gregor.framework.Parser;
import java.nio.charset.StandardCharsets;

/** {@link Parser#raw()}: no parsing at all, for binary payloads and pass-through routes. */
public final class RawParser implements Parser {
  public static final RawParser INSTANCE = new RawParser();

  private RawParser() {}

  @Override
  public Object parse(byte[] data) {
    return data;
  }

  @Override
  public byte[] generate(Object value) {
    return value instanceof byte[] bytes ? bytes : String.valueOf(value).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "raw";
  }
}
