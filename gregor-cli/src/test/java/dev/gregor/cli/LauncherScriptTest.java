package dev.gregor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./gregor} launcher script, run in a copy of the checkout's layout whose {@code mvnw}
 * and {@code java} only record that they ran, so that its locking is tested without a real build.
 */
class LauncherScriptTest {
  private static final Path SCRIPT = Path.of("").toAbsolutePath().getParent().resolve("gregor");

  @TempDir
  Path root;

  @BeforeEach
  void fakeCheckout() throws IOException {
    assumeTrue(available("bash") && available("flock"), "bash and flock are needed to test the launcher");
    Files.copy(SCRIPT, root.resolve("gregor"));
    executable(root.resolve("mvnw"), "echo built >> \"$(dirname \"$0\")/builds\"; sleep 3");
    executable(root.resolve("jdk/bin/java"), "cat >/dev/null; echo ran");
    Files.createDirectories(root.resolve("gregor-cli/src/main/java"));
    Files.writeString(root.resolve("gregor-cli/src/main/java/Source.java"), "class Source {}");
    Files.createDirectories(root.resolve("gregor-cli/target/lib"));
    Path jar = Files.writeString(root.resolve("gregor-cli/target/gregor-cli.jar"), "");
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60))); // newer than every source
  }

  @Test
  void twoEndsOfAPipeOnAnUpToDateBuildSayNothingAboutWaiting() throws Exception {
    // Holds the launcher's lock for a while, as one end of a pipe does while it checks the build.
    Process holder = new ProcessBuilder("flock", root.resolve("gregor").toString(), "bash", "-c", "touch held; sleep 2")
        .directory(root.toFile()).start();
    await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(root.resolve("held")));
    try {
      Shell pipe = shell("./gregor consume a | ./gregor produce b");

      assertThat(pipe.out()).isEqualTo("ran\n");
      assertThat(pipe.err()).doesNotContain("Waiting", "Building");
      assertThat(root.resolve("builds")).doesNotExist();
    } finally {
      holder.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aRunThatFindsABuildUnderWayWaitsForItAndSaysSoAndBuildsNothingItself() throws Exception {
    Files.setLastModifiedTime(root.resolve("gregor-cli/target/gregor-cli.jar"), FileTime.from(Instant.now().minusSeconds(60)));

    Shell pipe = shell("./gregor consume a | (sleep 1; ./gregor produce b)");

    assertThat(pipe.out()).isEqualTo("ran\n");
    assertThat(pipe.err()).contains("Building gregor", "Waiting for another gregor to finish building...");
    assertThat(Files.readAllLines(root.resolve("builds"))).containsExactly("built");
  }

  /** What a shell command printed. */
  private record Shell(String out, String err) {}

  private Shell shell(String command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder("bash", "-c", command).directory(root.toFile());
    builder.environment().put("JAVA_HOME", root.resolve("jdk").toString());
    Process process = builder.start();
    process.getOutputStream().close();
    assertThat(process.waitFor(1, TimeUnit.MINUTES)).as("the launcher ended").isTrue();
    return new Shell(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
        new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  private static void executable(Path file, String body) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "#!/usr/bin/env bash\n" + body + "\n");
    assertThat(file.toFile().setExecutable(true)).isTrue();
  }

  private static boolean available(String program) {
    try {
      Process process = new ProcessBuilder("bash", "-c", "command -v " + program).start();
      return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
