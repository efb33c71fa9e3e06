package dev.gregor.bench.internal.peers;

import dev.gregor.embedded.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a peer's command, bounded in time; its output goes to a file whose lines the caller reads. */
final class External {
  private External() {}

  static List<String> run(List<String> command, Path output, long timeoutSeconds) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    try {
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        throw new IllegalStateException(command.get(0) + " did not finish within " + timeoutSeconds + " s; output in " + output);
      }
    } finally {
      process.destroyForcibly();
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue() + "; output in " + output);
    }
    return Files.readAllLines(output);
  }

  /** Runs a Java program of a peer (Kafka's tools) as {@link #run} does, through Gregor's one child-JVM launcher. */
  static List<String> runJava(ChildJvm.Builder jvm, Path output, long timeoutSeconds) throws IOException, InterruptedException {
    Files.deleteIfExists(output);
    try (ChildJvm child = jvm.outputLog(output).start()) {
      if (!child.waitFor(Duration.ofSeconds(timeoutSeconds))) {
        throw new IllegalStateException(child + " did not finish within " + timeoutSeconds + " s; output in " + output);
      }
      child.awaitOutput(Duration.ofSeconds(10));
      if (child.exitValue() != 0) {
        throw new IllegalStateException(child + " exited with " + child.exitValue() + "; output in " + output);
      }
    }
    return Files.readAllLines(output);
  }

  /** Whether {@code program} runs: {@code program args} exits 0. */
  static boolean works(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The number after {@code name=} in a {@code RESULT ...} line. */
  static double result(List<String> lines, String name) {
    for (String line : lines) {
      if (line.startsWith("RESULT")) {
        for (String pair : line.substring(6).trim().split(" ")) {
          if (pair.startsWith(name + "=")) {
            return Double.parseDouble(pair.substring(name.length() + 1));
          }
        }
      }
    }
    throw new IllegalStateException("no " + name + " in the peer's output: " + lines);
  }
}
