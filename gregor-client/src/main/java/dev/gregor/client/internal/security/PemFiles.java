package dev.gregor.client.internal.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads PEM files for the SSL settings, naming the setting when one is missing. */
public final class PemFiles {
  private PemFiles() {}

  public static String read(String setting, Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("ssl " + setting + ": file " + file + " does not exist");
    }
    try {
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("ssl " + setting + ": could not read " + file, e);
    }
  }
}
