package dev.gregor.bench.internal.peers;

import dev.gregor.bench.internal.consumer.ConsumerScenarios;
import dev.gregor.bench.internal.producer.ProducerScenarios;
import dev.gregor.bench.internal.run.BenchContext;
import dev.gregor.bench.internal.run.Scenario;
import dev.gregor.bench.internal.run.Session;
import dev.gregor.bench.internal.run.Skipped;
import dev.gregor.bench.internal.run.TopicTrial;
import dev.gregor.bench.internal.run.Trial;
import dev.gregor.client.Gregor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Gregor against the tools users would pick instead: kcat, Python confluent-kafka (both on
 * librdkafka) and Kafka's own ProducerPerformance / ConsumerPerformance, each on its own class
 * path. A peer that is not installed makes its rows "skipped" with the command that installs it.
 */
public final class PeerScenarios {
  static final String GROUP = "peers";
  private static final String INSTALL = "run ./bench install-peers";
  private static final String PYTHON = "/usr/bin/python3";

  private PeerScenarios() {}

  public static List<Scenario> all(BenchContext ctx, Gregor kafka) {
    int produced = ctx.profile().producerRecords();
    int consumed = ctx.profile().consumerRecords();
    String consumeTopic = ConsumerScenarios.topic(consumed, 1);
    Scenario.Preparation fill = () -> ConsumerScenarios.fill(ctx, consumeTopic, 1, consumed);
    String produceName = "Producer (deliver every 10k) " + produced + " x 100B acks=all 1p";
    List<Scenario> scenarios = new ArrayList<>();

    scenarios.add(Scenario.throughput(GROUP, produceName, "kcat -P (librdkafka defaults)",
        ProducerScenarios.gregorBuffered(ctx, kafka, produced),
        TopicTrial.of(ctx.topics(), "bench-kcat", 1, produced, topic -> command(kcatProduce(ctx, topic, produced))))
        .preparedBy(() -> requireKcat()));
    scenarios.add(Scenario.throughput(GROUP, "eachMessage (no group) " + consumed + " x 100B 1p", "kcat -C -e",
        ConsumerScenarios.gregor(kafka, "eachMessage (no group)", consumeTopic, consumed),
        Trial.throughput(consumed, () -> External.run(List.of("kcat", "-C", "-b", ctx.bootstrap(), "-t", consumeTopic,
            "-o", "beginning", "-e", "-q", "-c", Integer.toString(consumed), "-f", "%o\\n"),
            ctx.workDir().resolve("kcat-consume.out"), 300)))
        .preparedBy(() -> {
          requireKcat();
          fill.run();
        }));

    scenarios.add(Scenario.throughput(GROUP, produceName, "Python confluent-kafka Producer",
        ProducerScenarios.gregorBuffered(ctx, kafka, produced),
        TopicTrial.of(ctx.topics(), "bench-python", 1, produced, topic -> command(List.of(PYTHON,
            script(ctx, "produce.py").toString(), ctx.bootstrap(), topic, Integer.toString(produced), "100"))))
        .preparedBy(PeerScenarios::requirePython));
    scenarios.add(Scenario.throughput(GROUP, "group eachMessage " + consumed + " x 100B 1p", "Python confluent-kafka Consumer",
        ConsumerScenarios.gregor(kafka, "group eachMessage", consumeTopic, consumed),
        () -> Map.of("throughput", consumed / External.result(External.run(List.of(PYTHON,
            script(ctx, "consume.py").toString(), ctx.bootstrap(), consumeTopic, Integer.toString(consumed)),
            ctx.workDir().resolve("python-consume.out"), 300), "seconds")))
        .preparedBy(() -> {
          requirePython();
          fill.run();
        }));

    scenarios.add(Scenario.throughput(GROUP, produceName, "Kafka ProducerPerformance (own rate)",
        ProducerScenarios.gregorBuffered(ctx, kafka, produced),
        KafkaPerfTools.producerPerformance(ctx, produced)).preparedBy(KafkaPerfTools::require));
    scenarios.add(Scenario.throughput(GROUP, "group eachMessage " + consumed + " x 100B 1p", "Kafka ConsumerPerformance (own rate)",
        ConsumerScenarios.gregor(kafka, "group eachMessage", consumeTopic, consumed),
        KafkaPerfTools.consumerPerformance(ctx, consumeTopic, consumed))
        .preparedBy(() -> {
          KafkaPerfTools.require();
          fill.run();
        }));
    return scenarios;
  }

  private static List<String> kcatProduce(BenchContext ctx, String topic, int records) throws IOException {
    Path file = ctx.workDir().resolve("kcat-" + records + "x100B.txt");
    if (!Files.exists(file)) {
      byte[] line = ("x".repeat(100) + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      byte[] content = new byte[line.length * records];
      for (int i = 0; i < records; i++) {
        System.arraycopy(line, 0, content, i * line.length, line.length);
      }
      Files.write(file, content);
    }
    return List.of("kcat", "-P", "-b", ctx.bootstrap(), "-t", topic, "-l", file.toString());
  }

  /** A session whose timed work is one run of an external command. */
  private static Session command(List<String> command) throws IOException {
    Path output = Files.createTempFile("gregor-bench-peer", ".out");
    return new Session() {
      @Override
      public void run() throws Exception {
        External.run(command, output, 300);
      }

      @Override
      public void close() throws IOException {
        Files.deleteIfExists(output);
      }
    };
  }

  private static Path script(BenchContext ctx, String name) throws IOException {
    Path file = ctx.workDir().resolve(name);
    try (InputStream in = PeerScenarios.class.getResourceAsStream("/dev/gregor/bench/peers/" + name)) {
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
    }
    return file;
  }

  private static void requireKcat() {
    if (!External.works("kcat", "-V")) {
      throw new Skipped("kcat is not installed; " + INSTALL);
    }
  }

  private static void requirePython() {
    if (!External.works(PYTHON, "-c", "import confluent_kafka")) {
      throw new Skipped("Python confluent-kafka is not installed for " + PYTHON + "; " + INSTALL);
    }
  }
}
