package dev.gregor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs kcat (or kafkacat) where it is installed, for tests that check gregor against librdkafka. */
final class Kcat {
  private static final String PROGRAM = List.of("kcat", "kafkacat").stream().filter(Kcat::runs).findFirst().orElse(null);

  private Kcat() {}

  /** kcat's name on this machine, or null when it is not installed. */
  static String program() {
    return PROGRAM;
  }

  /** Runs kcat with {@code stdin}, asserting it succeeds, and returns its standard output. */
  static byte[] run(String stdin, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(PROGRAM);
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    process.getOutputStream().write(stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    process.getOutputStream().close();
    byte[] out = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(1, TimeUnit.MINUTES)).as("kcat ended").isTrue();
    assertThat(process.exitValue()).as("kcat exit code").isZero();
    return out;
  }

  private static boolean runs(String program) {
    try {
      Process process = new ProcessBuilder(program, "-V").redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
