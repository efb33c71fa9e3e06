package dev.gregor.cli.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Plain-text input: each line is a value, or {@code KEY<separator>VALUE} when a key separator is set. */
public final class TextLines {
  private final String keySeparator;

  /** {@code keySeparator} may be null: whole lines are values. */
  public TextLines(String keySeparator) {
    this.keySeparator = keySeparator;
  }

  public InputMessage parse(String line) {
    if (keySeparator == null) {
      return new InputMessage(null, utf8(line), Map.of(), null, null);
    }
    int at = line.indexOf(keySeparator);
    if (at < 0) {
      throw new BadLine("no key separator '" + keySeparator + "' in the line");
    }
    return new InputMessage(utf8(line.substring(0, at)), utf8(line.substring(at + keySeparator.length())), Map.of(),
        null, null);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
