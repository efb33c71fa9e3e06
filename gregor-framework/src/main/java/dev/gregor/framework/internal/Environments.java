package dev.gregor.framework.internal;

import dev.gregor.framework.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The seed's "Environment variables settings": {@code GREGOR_ENV} (default {@code development})
 * picks the overlay {@code gregor.<env>.properties} — from the classpath, then from the config
 * directory, the file winning — applied over the code's setup; then {@code GREGOR_*} variables
 * override single settings.
 */
public final class Environments {
  /** Variables with other meanings (the CLI's, the launcher's), never read as settings. */
  private static final Set<String> RESERVED = Set.of("GREGOR_ENV", "GREGOR_BOOT", "GREGOR_HOME", "GREGOR_BOOTSTRAP",
      "GREGOR_JAVA_OPTS", "GREGOR_BENCH_PEERS");

  private Environments() {}

  /** The environment's name: {@code GREGOR_ENV}, or {@code development}. */
  public static String name(Map<String, String> variables) {
    String env = variables.get("GREGOR_ENV");
    return env == null || env.isBlank() ? "development" : env.trim();
  }

  /** Applies the overlay and the variables to {@code builder}; problems go to {@code errors}. */
  public static void apply(Settings.Builder builder, Map<String, String> variables, Path configDir, List<String> errors) {
    SettingKeys keys = new SettingKeys();
    String file = "gregor." + name(variables) + ".properties";
    try (InputStream resource = Environments.class.getClassLoader().getResourceAsStream(file)) {
      if (resource != null) {
        load(builder, keys, "classpath:" + file, resource, errors);
      }
    } catch (IOException e) {
      errors.add("classpath:" + file + ": cannot be read: " + e.getMessage());
    }
    Path overlay = configDir.resolve(file);
    if (Files.isRegularFile(overlay)) {
      try (InputStream in = Files.newInputStream(overlay)) {
        load(builder, keys, overlay.toString(), in, errors);
      } catch (IOException e) {
        errors.add(overlay + ": cannot be read: " + e.getMessage());
      }
    }
    new TreeMap<>(variables).forEach((name, value) -> {
      if (name.startsWith("GREGOR_") && !RESERVED.contains(name)) {
        keys.apply(builder, "environment variable " + name, keys.keyOfVariable(name), value, errors);
      }
    });
  }

  private static void load(Settings.Builder builder, SettingKeys keys, String source, InputStream in,
      List<String> errors) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    new TreeMap<>(properties).forEach((key, value) -> keys.apply(builder, source, String.valueOf(key),
        String.valueOf(value), errors));
  }
}
