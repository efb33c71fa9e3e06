package dev.gregor.bench.internal.peers;

import dev.gregor.bench.internal.run.BenchContext;
import dev.gregor.bench.internal.run.Skipped;
import dev.gregor.bench.internal.run.Trial;
import dev.gregor.embedded.ChildJvm;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * Kafka's own {@code KafkaClusterTestKit} started in a fresh JVM on its own class path (fetched by
 * {@code install-peers.sh}), run as a Java source file so that gregor-bench needs no compile-time
 * dependency on Kafka's test jars. kafka-clients 4.4.0 has no test jar on Maven Central, so the
 * test kit is the newest one that runs from there.
 */
public final class TestKitStart {
  private TestKitStart() {}

  /** The time from main() to ready brokers ({@code start}) and the process's RSS, for {@code nodes} combined nodes. */
  public static Trial trial(BenchContext ctx, int nodes, String startMetric, String rssMetric) {
    return () -> {
      Path directory = KafkaPerfTools.directory("kafka-testkit-");
      if (directory == null) {
        throw new Skipped("Kafka's KafkaClusterTestKit is not installed; run ./bench install-peers");
      }
      Path source = ctx.workDir().resolve("TestKitStart.java");
      try (InputStream in = TestKitStart.class.getResourceAsStream("/dev/gregor/bench/peers/TestKitStart.java")) {
        Files.copy(in, source, StandardCopyOption.REPLACE_EXISTING);
      }
      // A single-file source program: the launcher runs it as java -cp ... TestKitStart.java N.
      List<String> lines = External.runJava(ChildJvm.builder(source.toString()).jvmOptions("-Xmx512m")
          .classpath(directory + "/*").args(Integer.toString(nodes)), ctx.workDir().resolve("testkit-start.out"), 180);
      return Map.of(startMetric, External.result(lines, "startMs"), rssMetric, External.result(lines, "rssMb"));
    };
  }

  /** Throws {@link Skipped} when the test kit is not installed. */
  public static void require() {
    if (KafkaPerfTools.directory("kafka-testkit-") == null) {
      throw new Skipped("Kafka's KafkaClusterTestKit is not installed; run ./bench install-peers");
    }
  }
}
