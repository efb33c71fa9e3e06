package dev.gregor.cli.internal;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * A project's {@code gregor-boot.properties}, which names the app the app commands boot when run in its
 * directory: {@code app} (the class), {@code classpath} and {@code classpath.file} (a file listing the
 * libraries, written by the build), paths relative to the project.
 */
public final class BootFile {
  /** The file's name; {@code gregor install} writes one. */
  public static final String NAME = "gregor-boot.properties";

  private final Path file;
  private final Properties properties;

  private BootFile(Path file, Properties properties) {
    this.file = file;
    this.properties = properties;
  }

  /** The boot file of the project in {@code directory}, or null when it has none. */
  public static @Nullable BootFile in(Path directory) {
    Path file = directory.resolve(NAME);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
    }
    return new BootFile(file, properties);
  }

  /** The app class. */
  public String app() {
    String app = properties.getProperty("app", "").trim();
    if (app.isEmpty()) {
      throw new IllegalArgumentException(file + " names no app: add a line 'app = com.example.MyApp'");
    }
    return app;
  }

  /** The app's class path: {@code classpath}, then the entries listed in {@code classpath.file}, made absolute. */
  public String classpath() {
    List<String> entries = new ArrayList<>();
    Path project = file.getParent();
    for (String entry : properties.getProperty("classpath", "").split("[:;,]")) {
      if (!entry.isBlank()) {
        Path path = project.resolve(entry.trim());
        if (!Files.exists(path)) {
          throw new IllegalArgumentException(file + ": classpath entry " + path + " does not exist; build the project "
              + "first (./mvnw compile)");
        }
        entries.add(path.toString());
      }
    }
    String listing = properties.getProperty("classpath.file", "").trim();
    if (!listing.isEmpty()) {
      Path list = project.resolve(listing);
      try {
        String libraries = Files.readString(list, StandardCharsets.UTF_8).trim();
        if (!libraries.isEmpty()) {
          entries.add(libraries);
        }
      } catch (IOException e) {
        throw new IllegalArgumentException(file + ": classpath.file " + list + " cannot be read (" + e.getMessage()
            + "); build the project first (./mvnw compile)", e);
      }
    }
    return String.join(File.pathSeparator, entries);
  }
}
