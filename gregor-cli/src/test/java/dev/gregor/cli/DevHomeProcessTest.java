package dev.gregor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "dev", "--port", "0"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().remove("GREGOR_HOME");
    builder.environment().putAll(env);
    Process process = builder.start();
    StringBuffer out = new StringBuffer();
    Thread reader = new Thread(() -> copy(process.getInputStream(), out), "dev-output");
    reader.setDaemon(true);
    reader.start();
    try {
      await().atMost(Duration.ofMinutes(2)).until(() -> out.toString().contains("Press Ctrl-C to stop.") || !process.isAlive());
      return out.toString();
    } finally {
      process.destroy(); // SIGTERM: a clean shutdown
      if (!process.waitFor(1, TimeUnit.MINUTES)) {
        process.destroyForcibly();
      }
    }
  }

  private static void copy(InputStream in, StringBuffer out) {
    byte[] buffer = new byte[4096];
    try {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        out.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      // the process ended
    }
  }
}
