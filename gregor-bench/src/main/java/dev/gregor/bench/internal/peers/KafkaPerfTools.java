package dev.gregor.bench.internal.peers;

import dev.gregor.bench.internal.run.BenchContext;
import dev.gregor.bench.internal.run.Skipped;
import dev.gregor.bench.internal.run.TopicTrial;
import dev.gregor.bench.internal.run.Trial;
import dev.gregor.embedded.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kafka's own perf tools, run from the kafka-tools jars that {@code install-peers.sh} fetched,
 * on their own class path. Their rates are the ones the tools print, measured by the tools
 * themselves (JVM start-up excluded, as on Gregor's side).
 */
final class KafkaPerfTools {
  private static final Pattern RECORDS_PER_SEC = Pattern.compile("records sent, ([0-9.]+) records/sec");

  private KafkaPerfTools() {}

  static Path directory() {
    return directory("kafka-tools-");
  }

  /** The newest complete peer directory whose name starts with {@code prefix}, or null. */
  static Path directory(String prefix) {
    String peers = System.getenv().getOrDefault("GREGOR_BENCH_PEERS", System.getProperty("user.home") + "/.gregor/bench-peers");
    try (var dirs = Files.list(Path.of(peers))) {
      return dirs.filter(d -> d.getFileName().toString().startsWith(prefix) && Files.exists(d.resolve(".complete")))
          .sorted().reduce((first, second) -> second).orElse(null);
    } catch (java.io.IOException e) {
      return null;
    }
  }

  static void require() {
    if (directory() == null) {
      throw new Skipped("Kafka's perf tools are not installed; run ./bench install-peers");
    }
  }

  static Trial producerPerformance(BenchContext ctx, int records) {
    Trial[] rate = new Trial[1];
    return () -> {
      double[] recordsPerSec = {Double.NaN};
      rate[0] = TopicTrial.of(ctx.topics(), "bench-perf-producer", 1, records, topic -> new dev.gregor.bench.internal.run.Session() {
        @Override
        public void run() throws Exception {
          List<String> lines = External.runJava(java("org.apache.kafka.tools.ProducerPerformance", "--topic", topic, "--num-records",
              Integer.toString(records), "--record-size", "100", "--throughput", "-1", "--producer-props",
              "bootstrap.servers=" + ctx.bootstrap()), ctx.workDir().resolve("producer-performance.out"), 300);
          for (String line : lines) {
            Matcher matcher = RECORDS_PER_SEC.matcher(line);
            if (matcher.find()) {
              recordsPerSec[0] = Double.parseDouble(matcher.group(1));
            }
          }
        }

        @Override
        public void close() {
        }
      });
      rate[0].run();
      if (Double.isNaN(recordsPerSec[0])) {
        throw new IllegalStateException("ProducerPerformance printed no 'records/sec'; see producer-performance.out");
      }
      return Map.of("throughput", recordsPerSec[0]);
    };
  }

  static Trial consumerPerformance(BenchContext ctx, String topic, int records) {
    return () -> {
      List<String> lines = External.runJava(java("org.apache.kafka.tools.ConsumerPerformance", "--bootstrap-server",
          ctx.bootstrap(), "--topic", topic, "--messages", Integer.toString(records)),
          ctx.workDir().resolve("consumer-performance.out"), 300);
      // start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, ...
      for (String line : lines) {
        String[] fields = line.split(",\\s*");
        if (fields.length >= 6 && fields[4].trim().matches("[0-9]+")) {
          return Map.of("throughput", Double.parseDouble(fields[5].trim()));
        }
      }
      throw new IllegalStateException("ConsumerPerformance printed no result line; see consumer-performance.out");
    };
  }

  private static ChildJvm.Builder java(String main, String... args) {
    return ChildJvm.builder(main).jvmOptions("-Xmx512m").classpath(directory() + "/*").args(args);
  }
}
