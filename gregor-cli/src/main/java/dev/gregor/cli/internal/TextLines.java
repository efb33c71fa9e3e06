package dev.gregor.cli.internal;

import java.util.List;

/** Plain-text input: each line is a value, or {@code KEY<separator>VALUE} when a key separator is set. */
public final class TextLines {
  private final String keySeparator;
  private final ByteEncoding keyEncoding;
  private final ByteEncoding valueEncoding;

  /** {@code keySeparator} may be null: whole lines are values. */
  public TextLines(String keySeparator) {
    this(keySeparator, ByteEncoding.UTF8, ByteEncoding.UTF8);
  }

  /** Keys and values are written in these encodings (base64 or hex carry bytes that are not UTF-8). */
  public TextLines(String keySeparator, ByteEncoding keyEncoding, ByteEncoding valueEncoding) {
    this.keySeparator = keySeparator;
    this.keyEncoding = keyEncoding;
    this.valueEncoding = valueEncoding;
  }

  public InputMessage parse(String line) {
    if (keySeparator == null) {
      return new InputMessage(null, valueEncoding.decode(line, "the value"), List.of(), null, null);
    }
    int at = line.indexOf(keySeparator);
    if (at < 0) {
      throw new BadLine("no key separator '" + keySeparator + "' in the line");
    }
    return new InputMessage(keyEncoding.decode(line.substring(0, at), "the key"),
        valueEncoding.decode(line.substring(at + keySeparator.length()), "the value"), List.of(), null, null);
  }
}
