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
import java.util.List;
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

  @Test
  void theFirstSuccessfulAdminCommandArchivesItsClassesAndLaterStartsMapThem() throws Exception {
    // This java writes the archive it is asked for, and fails when told to, as a real one's exit would.
    executable(root.resolve("jdk/bin/java"), """
        echo "$@" >> "$(dirname "$0")/calls"
        for arg in "$@"; do
          case "$arg" in -XX:ArchiveClassesAtExit=*) echo archive > "${arg#*=}" ;; esac
        done
        [[ " $* " == *" fail "* ]] && exit 2
        echo ran""");
    Path calls = root.resolve("jdk/bin/calls");
    // An archive older than the jar would be stale: here the jar was built a while ago, from older sources.
    Files.setLastModifiedTime(root.resolve("gregor-cli/src/main/java/Source.java"),
        FileTime.from(Instant.now().minusSeconds(120)));
    Files.setLastModifiedTime(root.resolve("gregor-cli/target/gregor-cli.jar"), FileTime.from(Instant.now().minusSeconds(60)));

    Shell failed = shell("./gregor topics fail; echo \"exit $?\"");
    Shell first = shell("./gregor topics list");
    Shell second = shell("./gregor groups list");
    Shell off = shell("GREGOR_CDS=0 ./gregor groups list");
    Shell consumeFirst = shell("./gregor consume orders");
    Shell consumeSecond = shell("./gregor consume orders");

    assertThat(failed.out()).isEqualTo("exit 2\n");
    assertThat(first.out()).isEqualTo("ran\n");
    assertThat(second.out()).isEqualTo("ran\n");
    List<String> javaCalls = Files.readAllLines(calls);
    assertThat(javaCalls.get(0)).contains("-XX:ArchiveClassesAtExit=").endsWith("topics fail");
    assertThat(javaCalls.get(1)).contains("-XX:ArchiveClassesAtExit=").endsWith("topics list");
    assertThat(javaCalls.get(2)).contains("-XX:SharedArchiveFile=", ".jsa").endsWith("groups list");
    assertThat(javaCalls.get(3)).doesNotContain("-XX:SharedArchiveFile", "-XX:ArchiveClassesAtExit").endsWith("groups list");
    // Admin commands are over before C2 pays off; a consumer that may run for hours keeps it.
    assertThat(javaCalls.subList(0, 4)).allMatch(call -> call.contains("-XX:TieredStopAtLevel=1"));
    // A consumer's classes are not an admin command's: consume trains an archive of its own, then maps it.
    assertThat(consumeFirst.out()).isEqualTo("ran\n");
    assertThat(consumeSecond.out()).isEqualTo("ran\n");
    assertThat(javaCalls.get(4)).contains("-XX:ArchiveClassesAtExit=", "gregor-cli-consume-").endsWith("consume orders");
    assertThat(javaCalls.get(5)).contains("-XX:SharedArchiveFile=", "gregor-cli-consume-").endsWith("consume orders");
    assertThat(javaCalls.subList(4, 6)).noneMatch(call -> call.contains("TieredStopAtLevel"));
    try (var files = Files.list(root.resolve("gregor-cli/target"))) {
      assertThat(files.map(file -> file.getFileName().toString()).filter(name -> name.contains(".jsa")))
          .hasSize(2).allMatch(name -> name.matches("gregor-cli(-consume)?-\\d+\\.jsa")); // the failed run left nothing
    }
  }

  @Test
  void theRunThatTrainsProducesArchiveReadsThePipedLinesLikeEveryLaterRun() throws Exception {
    // A java that echoes its standard input, so that what produce would have read shows.
    executable(root.resolve("jdk/bin/java"), """
        for arg in "$@"; do
          case "$arg" in -XX:ArchiveClassesAtExit=*) echo archive > "${arg#*=}" ;; esac
        done
        cat""");

    Shell training = shell("printf 'one\\ntwo\\n' | ./gregor produce orders");
    Shell mapping = shell("printf 'three\\n' | ./gregor produce orders");

    // The training run's java runs in the background, where bash reads /dev/null instead unless told otherwise:
    // the first produce after a build delivered nothing and said "0 delivered".
    assertThat(training.out()).isEqualTo("one\ntwo\n");
    assertThat(mapping.out()).isEqualTo("three\n");
  }

  @Test
  void devStoppedByCtrlCArchivesItsOwnClassesAndTheNextDevMapsThem() throws Exception {
    // This java writes the archive it is asked for, then runs like a broker until SIGTERM, which it answers with 143.
    executable(root.resolve("jdk/bin/java"), """
        calls="$(dirname "$0")/calls"
        echo "$@" >> "$calls"
        for arg in "$@"; do
          case "$arg" in -XX:ArchiveClassesAtExit=*) echo archive > "${arg#*=}" ;; esac
        done
        trap 'echo stopped >> "$calls"; exit 143' TERM
        touch "$(dirname "$0")/running"
        while :; do sleep 0.1; done""");
    Path calls = root.resolve("jdk/bin/calls");
    Files.setLastModifiedTime(root.resolve("gregor-cli/src/main/java/Source.java"),
        FileTime.from(Instant.now().minusSeconds(120)));
    Files.setLastModifiedTime(root.resolve("gregor-cli/target/gregor-cli.jar"), FileTime.from(Instant.now().minusSeconds(60)));

    assertThat(stopWith("INT")).as("exit of the first dev").isEqualTo(143);
    assertThat(stopWith("TERM")).as("exit of the second dev").isEqualTo(143);

    List<String> javaCalls = Files.readAllLines(calls);
    assertThat(javaCalls).hasSize(4);
    assertThat(javaCalls.get(0)).contains("-XX:ArchiveClassesAtExit=").endsWith("dev");
    assertThat(javaCalls.get(1)).isEqualTo("stopped"); // Ctrl-C on the launcher reached java as SIGTERM
    assertThat(javaCalls.get(2)).contains("-XX:SharedArchiveFile=", "gregor-cli-dev-").endsWith("dev");
    try (var files = Files.list(root.resolve("gregor-cli/target"))) {
      assertThat(files.map(file -> file.getFileName().toString()).filter(name -> name.contains(".jsa")))
          .singleElement().asString().matches("gregor-cli-dev-\\d+\\.jsa"); // admin commands keep theirs apart
    }
  }

  /** Starts {@code ./gregor dev}, waits until java runs, sends the launcher {@code signal}; returns its exit status. */
  private int stopWith(String signal) throws IOException, InterruptedException {
    Path running = root.resolve("jdk/bin/running");
    Files.deleteIfExists(running);
    // A shell cannot trap a signal it was started ignoring, and a build run in the background (nohup mvn … &) passes
    // an ignored SIGINT down to this JVM and its children: the launcher starts with the defaults, as from a terminal.
    ProcessBuilder builder = new ProcessBuilder("env", "--default-signal=INT,TERM", root.resolve("gregor").toString(),
        "dev").directory(root.toFile());
    builder.environment().put("JAVA_HOME", root.resolve("jdk").toString());
    Process launcher = builder.start();
    launcher.getOutputStream().close();
    await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(running));
    new ProcessBuilder("kill", "-" + signal, Long.toString(launcher.pid())).start().waitFor(10, TimeUnit.SECONDS);
    boolean ended = launcher.waitFor(60, TimeUnit.SECONDS);
    if (!ended) { // say what was still running, for the next reader
      String tree = launcher.descendants().map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
          .collect(java.util.stream.Collectors.joining("; "));
      String command = launcher.info().commandLine().orElse("?");
      launcher.descendants().forEach(ProcessHandle::destroyForcibly); // the fake java too, not left running
      launcher.destroyForcibly();
      throw new AssertionError("the launcher did not end within 60 s of SIG" + signal + "; it runs " + command
          + ", its processes: " + tree
          + "; java was called as: " + Files.readAllLines(root.resolve("jdk/bin/calls")));
    }
    return launcher.exitValue();
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
