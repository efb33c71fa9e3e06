package dev.gregor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where {@code gregor dev} keeps its data when the user does not say. */
class DevDataDirectoryTest {
  private final Path home = System.getenv("HOME") != null && !System.getenv("HOME").isBlank()
      ? Path.of(System.getenv("HOME")) : Path.of(System.getProperty("user.home"));

  @Test
  void oneNodeDefaultsToTheDevDirectory() {
    assertThat(DevDataDirectory.resolve(null, 1)).isEqualTo(home.resolve(".gregor/dev"));
  }

  @Test
  void otherClusterShapesGetADirectoryOfTheirOwn() {
    assertThat(DevDataDirectory.resolve(null, 3)).isEqualTo(home.resolve(".gregor/dev-3nodes"));
  }

  @Test
  void aQuotedTildeMeansTheHomeDirectory() {
    assertThat(DevDataDirectory.resolve(Path.of("~/kafka-data"), 1)).isEqualTo(home.resolve("kafka-data"));
  }

  @Test
  void gregorHomeReplacesTheDotGregorDirectory() {
    Map<String, String> env = Map.of("GREGOR_HOME", "/srv/gregor", "HOME", "/home/ci");

    assertThat(DevDataDirectory.resolve(null, 1, env)).isEqualTo(Path.of("/srv/gregor/dev"));
    assertThat(DevDataDirectory.resolve(null, 3, env)).isEqualTo(Path.of("/srv/gregor/dev-3nodes"));
  }

  @Test
  void theHomeVariableWinsOverJavasUserHome() {
    Map<String, String> env = Map.of("HOME", "/home/ci");

    assertThat(DevDataDirectory.resolve(null, 1, env)).isEqualTo(Path.of("/home/ci/.gregor/dev"));
    assertThat(DevDataDirectory.resolve(Path.of("~/kafka-data"), 1, env)).isEqualTo(Path.of("/home/ci/kafka-data"));
  }

  @Test
  void withoutEitherVariableJavasUserHomeIsUsed() {
    assertThat(DevDataDirectory.resolve(null, 1, Map.of())).isEqualTo(Path.of(System.getProperty("user.home"), ".gregor", "dev"));
  }

  @Test
  void aRelativeDirectoryIsResolvedAgainstTheWorkingDirectory() {
    assertThat(DevDataDirectory.resolve(Path.of("data"), 1)).isEqualTo(Path.of("data").toAbsolutePath());
  }
}
