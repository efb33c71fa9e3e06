package dev.gregor.spring.internal;

import java.util.List;

/** {@code gregor.*} properties that Gregor's builders refused, each problem naming its property. */
public final class InvalidProperties extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidProperties(String what, List<String> problems) {
    super("Invalid gregor.* properties for the " + what + " (" + problems.size()
        + (problems.size() == 1 ? " problem" : " problems") + "):\n  - " + String.join("\n  - ", problems));
  }
}
