package dev.gregor.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether standard output or error is an interactive terminal, so that colours and progress
 * lines appear for people and never in a pipe or a file.
 */
public final class Terminal {
  private Terminal() {}

  public static boolean stdout() {
    return isTerminal(1);
  }

  public static boolean stderr() {
    return isTerminal(2);
  }

  /** Colours are off when NO_COLOR is set (no-color.org), as well as off a terminal. */
  public static boolean colours(boolean terminal) {
    String noColor = System.getenv("NO_COLOR");
    return terminal && (noColor == null || noColor.isEmpty());
  }

  private static boolean isTerminal(int fd) {
    try {
      // Java 17 cannot ask about one stream, only (System.console) about stdin and stdout together.
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return System.console() != null; // no /proc (macOS): the best Java 17 can say
    }
  }
}
