package dev.gregor.cli.internal;

import java.util.List;

/** Writes line numbers as people read them: {@code 3, 5-9, 12}. */
public final class LineNumbers {
  private LineNumbers() {}

  /** {@code lines} must be ascending. */
  public static String ranges(List<Long> lines) {
    StringBuilder text = new StringBuilder();
    int i = 0;
    while (i < lines.size()) {
      int j = i;
      while (j + 1 < lines.size() && lines.get(j + 1) == lines.get(j) + 1) {
        j++;
      }
      if (text.length() > 0) {
        text.append(", ");
      }
      text.append(lines.get(i));
      if (j > i) {
        text.append('-').append(lines.get(j));
      }
      i = j + 1;
    }
    return text.toString();
  }
}
