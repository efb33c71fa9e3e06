package dev.gregor.framework.example;

import dev.gregor.framework.Parser;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A custom parser for a legacy system's one-line CSV events: {@code kind,subject,detail}. */
public final class CsvParser implements Parser {
  @Override
  public Object parse(byte[] data) {
    String[] fields = new String(data, StandardCharsets.UTF_8).split(",", -1);
    if (fields.length != 3) {
      throw new IllegalArgumentException("expected kind,subject,detail but got " + fields.length + " field(s)");
    }
    return List.of(fields);
  }

  @Override
  public byte[] generate(Object value) {
    return String.join(",", ((List<?>) value).stream().map(String::valueOf).toList()).getBytes(StandardCharsets.UTF_8);
  }
}
