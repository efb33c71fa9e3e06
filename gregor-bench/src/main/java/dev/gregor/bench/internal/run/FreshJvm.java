package dev.gregor.bench.internal.run;

import dev.gregor.embedded.ChildJvm;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
    Map<String, Double> result = new ConcurrentHashMap<>();
    long start = System.nanoTime();
    try (ChildJvm child = ChildJvm.builder(main).jvmOptions(jvmOptions).args(args).errorLog(log)
        .onOutput(line -> parse(line, start, result)).start()) {
      if (!child.waitFor(Duration.ofSeconds(timeoutSeconds)) || !child.awaitOutput(Duration.ofSeconds(timeoutSeconds))) {
        throw new IllegalStateException(main.getSimpleName() + " did not finish within " + timeoutSeconds + " s; see " + log);
      }
      if (child.exitValue() != 0 || !result.containsKey("wallMs")) {
        throw new IllegalStateException(main.getSimpleName() + " " + args + " failed (exit " + child.exitValue()
            + "); its stderr is in " + log);
      }
    }
    return result;
  }

  private static void parse(String line, long start, Map<String, Double> result) {
    if (line.startsWith("RESULT")) {
      result.put("wallMs", (System.nanoTime() - start) / 1e6);
      for (String pair : line.substring("RESULT".length()).trim().split(" ")) {
        String[] nameValue = pair.split("=", 2);
        result.put(nameValue[0], Double.parseDouble(nameValue[1]));
      }
    }
  }

  /** Prints the answer a {@link #run} caller reads. */
  public static void answer(Map<String, Double> values) {
    StringBuilder line = new StringBuilder("RESULT");
    values.forEach((name, value) -> line.append(' ').append(name).append('=').append(value));
    System.out.println(line);
    System.out.flush();
  }
}
