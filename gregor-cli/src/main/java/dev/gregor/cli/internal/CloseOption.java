package dev.gregor.cli.internal;

import java.util.Collection;
import org.jspecify.annotations.Nullable;

/** The option a mistyped one was probably meant to be ({@code --deamon} → {@code --daemon}), by edit distance. */
public final class CloseOption {
  private CloseOption() {}

  /** The closest of {@code options} to {@code typed} (its {@code =value} ignored) within 2 edits, or null. */
  public static @Nullable String to(String typed, Collection<String> options) {
    String name = typed.contains("=") ? typed.substring(0, typed.indexOf('=')) : typed;
    String best = null;
    int bestDistance = 3;
    for (String option : options) {
      int distance = distance(name, option);
      if (distance < bestDistance) {
        best = option;
        bestDistance = distance;
      }
    }
    return best;
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
