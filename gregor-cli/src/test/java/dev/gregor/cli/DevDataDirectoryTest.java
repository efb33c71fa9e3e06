package dev.gregor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Where {@code gregor dev} keeps its data when the user does not say. */
class DevDataDirectoryTest {
  private final Path home = Path.of(System.getProperty("user.home"));

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
  void aRelativeDirectoryIsResolvedAgainstTheWorkingDirectory() {
    assertThat(DevDataDirectory.resolve(Path.of("data"), 1)).isEqualTo(Path.of("data").toAbsolutePath());
  }
}
