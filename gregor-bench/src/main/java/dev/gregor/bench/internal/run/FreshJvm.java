package dev.gregor.bench.internal.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class of this module in a new JVM on this JVM's class path and reads its answer:
 * one line {@code RESULT name=value name=value ...}. Used where a measurement needs a process of
 * its own: cold starts, heap and RSS of one client.
 */
public final class FreshJvm {
  private FreshJvm() {}

  /** The parsed answer, plus {@code wallMs}: from launching the JVM to its answer. */
  public static Map<String, Double> run(List<String> jvmOptions, Class<?> main, List<String> args, Path log, long timeoutSeconds)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(args);
    long start = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    Map<String, Double> result = new HashMap<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("RESULT")) {
          result.put("wallMs", (System.nanoTime() - start) / 1e6);
          for (String pair : line.substring("RESULT".length()).trim().split(" ")) {
            String[] nameValue = pair.split("=", 2);
            result.put(nameValue[0], Double.parseDouble(nameValue[1]));
          }
        }
      }
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        throw new IllegalStateException(main.getSimpleName() + " did not finish within " + timeoutSeconds + " s; see " + log);
      }
    } finally {
      process.destroyForcibly();
    }
    if (process.exitValue() != 0 || !result.containsKey("wallMs")) {
      throw new IllegalStateException(main.getSimpleName() + " " + args + " failed (exit " + process.exitValue()
          + "); its stderr is in " + log);
    }
    return result;
  }

  /** Prints the answer a {@link #run} caller reads. */
  public static void answer(Map<String, Double> values) {
    StringBuilder line = new StringBuilder("RESULT");
    values.forEach((name, value) -> line.append(' ').append(name).append('=').append(value));
    System.out.println(line);
    System.out.flush();
  }
}
