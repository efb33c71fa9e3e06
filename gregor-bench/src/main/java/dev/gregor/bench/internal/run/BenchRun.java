package dev.gregor.bench.internal.run;

import dev.gregor.bench.internal.report.ConsoleTable;
import dev.gregor.bench.internal.report.CsvReport;
import dev.gregor.bench.internal.report.JsonReport;
import dev.gregor.bench.internal.report.RatioChart;
import dev.gregor.bench.internal.report.RunInfo;
import dev.gregor.client.Gregor;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.ProcessMode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** One invocation of the harness: broker up, scenarios run, reports written, broker down. */
public final class BenchRun {
  private final Profile profile;
  private final Set<String> groups;
  private final Pattern only;
  private final boolean childJvmBroker;
  private final Path out;
  private final boolean listOnly;

  public BenchRun(Profile profile, Set<String> groups, Pattern only, boolean childJvmBroker, Path out, boolean listOnly) {
    this.profile = profile;
    this.groups = groups;
    this.only = only;
    this.childJvmBroker = childJvmBroker;
    this.out = out;
    this.listOnly = listOnly;
  }

  /** Returns 0 when every scenario ran or was skipped with a reason, 2 when one failed. */
  public int run(PrintStream console) throws IOException {
    Files.createDirectories(out);
    String mode = childJvmBroker ? "child-jvm" : "in-process";
    RunInfo info = RunInfo.now(profile.name(), "1 node " + mode);
    console.println("Starting a 1-node embedded broker (" + mode + ")...");
    long start = System.nanoTime();
    // The broker in its own JVM keeps its CPU and garbage collection out of the clients' measurements.
    try (EmbeddedKafka broker = EmbeddedKafka.builder().mode(childJvmBroker ? ProcessMode.CHILD_JVM : ProcessMode.IN_PROCESS)
        .brokerConfig("log.segment.delete.delay.ms", "1000").start();
        Gregor kafka = Gregor.connect(broker.bootstrapServers());
        Topics topics = new Topics(broker.clientConfig())) {
      console.printf("Broker up at %s in %d ms%n", broker.bootstrapServers(), (System.nanoTime() - start) / 1_000_000);
      BenchContext ctx = new BenchContext(profile, broker.bootstrapServers(), topics, out);
      List<Scenario> scenarios = Catalog.scenarios(ctx, kafka, groups, only);
      if (listOnly) {
        scenarios.forEach(s -> console.println(s.id()));
        return 0;
      }
      List<Result> results = new Runner(profile, console).run(scenarios);
      ConsoleTable.print(results, info, console);
      CsvReport.write(results, out.resolve("results.csv"));
      JsonReport.write(results, info, out.resolve("results.json"));
      Files.writeString(out.resolve("results.md"), "Run: " + info.describe() + "\n\n" + ConsoleTable.markdown(results));
      try {
        RatioChart.write(results, info, out.resolve("ratios.png"));
      } catch (RuntimeException e) {
        console.println("ratios.png not written: " + e); // the numbers matter more than the picture
      }
      console.println("Wrote results.csv, results.json, results.md and ratios.png to " + out.toAbsolutePath());
      return results.stream().anyMatch(r -> r.note().startsWith("failed")) ? 2 : 0;
    }
  }
}
