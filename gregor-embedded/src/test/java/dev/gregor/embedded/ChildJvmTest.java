package dev.gregor.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildJvmTest {
  private static final Duration MINUTE = Duration.ofMinutes(1);

  /** What the tests run in the child: echoes its arguments, a property and a variable, then obeys stdin. */
  public static final class Echo {
    public static void main(String[] args) throws Exception {
      System.out.println("args " + String.join(",", args));
      System.out.println("property " + System.getProperty("echo.property"));
      System.out.println("variable " + System.getenv("ECHO_VARIABLE"));
      System.err.println("to stderr");
      System.out.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.startsWith("exit ")) {
          System.exit(Integer.parseInt(line.substring(5)));
        }
        if (line.equals("flood")) {
          for (int i = 0; i < 200_000; i++) {
            System.out.println("flooding the pipe with line " + i);
          }
          System.out.println("flooded");
        }
      }
    }
  }

  @Test
  void theChildGetsItsArgumentsPropertiesAndEnvironmentAndItsOutputIsRead() throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    try (ChildJvm child = ChildJvm.builder(Echo.class).args("a", "b").systemProperty("echo.property", "p")
        .environment("ECHO_VARIABLE", "v").onOutput(lines::add).start()) {
      child.input().write("exit 3\n".getBytes(StandardCharsets.UTF_8));
      child.input().flush();

      assertThat(child.waitFor(MINUTE)).isTrue();
      assertThat(child.awaitOutput(MINUTE)).isTrue();
      assertThat(child.exitValue()).isEqualTo(3);
    }
    assertThat(lines).contains("args a,b", "property p", "variable v", "to stderr");
  }

  @Test
  void standardErrorCanGoApartToItsOwnLog(@TempDir Path dir) throws Exception {
    Path errors = dir.resolve("errors.log");
    Path output = dir.resolve("output.log");
    try (ChildJvm child = ChildJvm.builder(Echo.class).outputLog(output).errorLog(errors).start()) {
      child.input().close();
      assertThat(child.waitFor(MINUTE)).isTrue();
      assertThat(child.awaitOutput(MINUTE)).isTrue();
    }
    assertThat(Files.readAllLines(errors)).containsExactly("to stderr");
    assertThat(Files.readAllLines(output)).contains("args ").doesNotContain("to stderr");
  }

  @Test
  void aChildWritingMoreThanAPipeHoldsNeverBlocksWhenNobodyListens() throws Exception {
    List<String> last = new CopyOnWriteArrayList<>();
    try (ChildJvm child = ChildJvm.builder(Echo.class).onOutput(line -> {
      if (line.equals("flooded")) {
        last.add(line);
      }
    }).start()) {
      child.input().write("flood\nexit 0\n".getBytes(StandardCharsets.UTF_8));
      child.input().flush();

      assertThat(child.waitFor(MINUTE)).as("the child finished writing and exited").isTrue();
      assertThat(child.awaitOutput(MINUTE)).isTrue();
    }
    assertThat(last).containsExactly("flooded");
  }

  @Test
  void killEndsTheChildAtOnce() throws Exception {
    ChildJvm child = ChildJvm.builder(Echo.class).start();
    assertThat(child.isAlive()).isTrue();

    child.kill();

    assertThat(child.isAlive()).isFalse();
    assertThat(child.exitValue()).isNotZero();
  }

  @Test
  void badSettingsAreRefusedNamingThem(@TempDir Path dir) {
    assertThatThrownBy(() -> ChildJvm.builder(" ").start()).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mainClass");
    assertThatThrownBy(() -> ChildJvm.builder(Echo.class).javaHome(dir).start())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("javaHome");
    assertThatThrownBy(() -> ChildJvm.builder(Echo.class).workingDirectory(dir.resolve("missing")).start())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("workingDirectory");
  }

  @Test
  void asksForTheExitCodeOfARunningChildAreRefused() throws Exception {
    try (ChildJvm child = ChildJvm.builder(Echo.class).start()) {
      assertThatThrownBy(child::exitValue).isInstanceOf(IllegalStateException.class).hasMessageContaining("still running");
    }
  }
}
