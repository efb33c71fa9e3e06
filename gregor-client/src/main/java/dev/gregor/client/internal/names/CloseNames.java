package dev.gregor.client.internal.names;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Close names for a mistyped topic, group or setting ("did you mean 'orders'?"): names within a
 * few edits (insert, delete, replace, swap two neighbours), ignoring case, and names that start
 * with it. The one home of Gregor's suggestions; the exceptions carry what it finds.
 */
public final class CloseNames {
  private static final int MOST = 3;

  private CloseNames() {}

  /** Up to three names of {@code candidates} close to {@code wanted}, closest first. */
  public static List<String> closest(String wanted, Collection<String> candidates) {
    String target = wanted.toLowerCase(Locale.ROOT);
    int allowed = allowedEdits(target);
    record Scored(String name, int distance) {}
    return candidates.stream()
        .filter(name -> !name.equals(wanted))
        .map(name -> new Scored(name, distance(target, name.toLowerCase(Locale.ROOT))))
        .filter(s -> s.distance <= allowed || (target.length() >= 3 && s.name.toLowerCase(Locale.ROOT).startsWith(target)))
        .sorted(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name))
        .limit(MOST)
        .map(Scored::name)
        .toList();
  }

  /** {@code "; did you mean 'a' or 'b'?"}, or an empty string when nothing is close. */
  public static String didYouMean(String wanted, Collection<String> candidates) {
    return didYouMean(closest(wanted, candidates));
  }

  /** {@code "; did you mean 'a' or 'b'?"} for names already found close, or an empty string for none. */
  public static String didYouMean(List<String> close) {
    return close.isEmpty() ? "" : "; " + question(close);
  }

  /** {@code "did you mean 'a' or 'b'?"} for names already found close, or an empty string for none. */
  public static String question(List<String> close) {
    if (close.isEmpty()) {
      return "";
    }
    StringBuilder text = new StringBuilder("did you mean ");
    for (int i = 0; i < close.size(); i++) {
      if (i > 0) {
        text.append(i == close.size() - 1 ? " or " : ", ");
      }
      text.append('\'').append(close.get(i)).append('\'');
    }
    return text.append('?').toString();
  }

  /** Short names allow fewer edits, or every short name would look like every other. */
  private static int allowedEdits(String name) {
    return name.length() <= 3 ? 1 : name.length() <= 8 ? 2 : 3;
  }

  /** The name of {@code candidates} fewest edits away from {@code wanted}, however far; empty for no candidates. */
  public static String nearest(String wanted, Collection<String> candidates) {
    return candidates.stream().min(Comparator.comparingInt((String name) -> distance(wanted, name)).thenComparing(name -> name))
        .orElse("");
  }

  /** Optimal string alignment distance: Levenshtein plus the swap of two neighbours, the commonest typo. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
