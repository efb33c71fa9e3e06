package dev.gregor.cli.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** A server's pid file: written once the app serves, removed when it stops; a live pid in it refuses a second start. */
public final class PidFile {
  private PidFile() {}

  /** The pid in {@code file} if that process is alive; empty when the file is missing, unreadable or stale. */
  public static OptionalLong live(Path file) {
    try {
      long pid = Long.parseLong(Files.readString(file, StandardCharsets.UTF_8).trim());
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent() ? OptionalLong.of(pid)
          : OptionalLong.empty();
    } catch (IOException | NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /** Writes this process's pid to {@code file} and removes it when the JVM exits. */
  public static void claim(Path file) throws IOException {
    Path absolute = file.toAbsolutePath();
    if (absolute.getParent() != null) {
      Files.createDirectories(absolute.getParent());
    }
    Files.writeString(absolute, ProcessHandle.current().pid() + "\n", StandardCharsets.UTF_8);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        Files.deleteIfExists(absolute);
      } catch (IOException e) {
        // the JVM is exiting; a stale pid file is detected as stale by the next start
      }
    }, "gregor-pid-file"));
  }
}
