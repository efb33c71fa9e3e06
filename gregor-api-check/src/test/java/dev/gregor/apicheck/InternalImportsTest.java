package dev.gregor.apicheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No module's code, main or test, uses another module's {@code internal} packages: those are the
 * other module's to change at will, so every module stands on the public API alone.
 */
class InternalImportsTest {
  private static final Pattern INTERNAL = Pattern.compile("dev\\.gregor\\.([a-z]+)\\.internal\\b");

  @Test
  void noModuleUsesAnotherModulesInternals() throws IOException {
    List<String> uses = new ArrayList<>();
    try (Stream<Path> modules = Files.list(ApiModules.root())) {
      for (Path module : modules.filter(m -> m.getFileName().toString().startsWith("gregor-")).sorted().toList()) {
        String own = ownPackage(module.getFileName().toString());
        sources(module).forEach(file -> uses.addAll(foreignInternals(file, own)));
      }
    }
    assertThat(uses).as("uses of another module's internal package; use its public API instead").isEmpty();
  }

  @Test
  void theCheckSeesEveryModulesSources() throws IOException {
    try (Stream<Path> modules = Files.list(ApiModules.root())) {
      assertThat(modules.map(m -> m.getFileName().toString())).contains("gregor-client", "gregor-cli", "gregor-bench");
    }
    assertThat(sources(ApiModules.root().resolve("gregor-bench"))).isNotEmpty();
  }

  /**
   * The module's own name as it appears in {@code dev.gregor.<name>.internal}: from its public package when
   * {@link ApiModules} lists it (gregor-spring-boot-starter owns {@code dev.gregor.spring}), else from its directory.
   */
  private static String ownPackage(String directory) {
    return ApiModules.all().stream().filter(m -> m.name().equals(directory)).findFirst()
        .map(m -> m.packageName().substring("dev.gregor.".length()).replace(".", ""))
        .orElse(directory.substring("gregor-".length()).replace("-", ""));
  }

  private static List<Path> sources(Path module) {
    Path src = module.resolve("src");
    if (!Files.isDirectory(src)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(src)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> foreignInternals(Path file, String ownModule) {
    List<String> found = new ArrayList<>();
    try {
      List<String> lines = Files.readAllLines(file);
      for (int i = 0; i < lines.size(); i++) {
        Matcher matcher = INTERNAL.matcher(lines.get(i));
        while (matcher.find()) {
          if (!matcher.group(1).equals(ownModule)) {
            found.add(ApiModules.root().relativize(file) + ":" + (i + 1) + " uses " + matcher.group());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }
}
