package dev.gregor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gregor.embedded.ChildJvm;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gregor dev} as a process keeps its data under $GREGOR_HOME, else $HOME, as containers and CI set them. */
class DevHomeProcessTest {
  @TempDir
  Path temp;

  @Test
  void theDataDirectoryFollowsTheHomeVariable() throws Exception {
    Path home = temp.resolve("home");

    String banner = devBanner(Map.of("HOME", home.toString()));

    assertThat(banner).contains("data directory     " + home.resolve(".gregor").resolve("dev"));
  }

  @Test
  void gregorHomeChoosesWhereTheDataDirectoriesLive() throws Exception {
    Path gregorHome = temp.resolve("gregor-home");

    String banner = devBanner(Map.of("HOME", temp.resolve("home").toString(), "GREGOR_HOME", gregorHome.toString()));

    assertThat(banner).contains("data directory     " + gregorHome.resolve("dev"));
  }

  /** Starts {@code gregor dev --port 0} in a new JVM with {@code env}, returns what it printed once running, and stops it. */
  private static String devBanner(Map<String, String> env) throws IOException, InterruptedException {
    StringBuffer out = new StringBuffer();
    ChildJvm.Builder builder = ChildJvm.builder(Main.class).args("dev", "--port", "0").environment("GREGOR_HOME", null)
        .onOutput(line -> out.append(line).append('\n')).onError(line -> { });
    env.forEach(builder::environment);
    try (ChildJvm child = builder.start()) {
      await().atMost(Duration.ofMinutes(2)).until(() -> out.toString().contains("Press Ctrl-C to stop.") || !child.isAlive());
      child.stop(); // SIGTERM: a clean shutdown
      child.waitFor(Duration.ofMinutes(1));
      return out.toString();
    }
  }
}
