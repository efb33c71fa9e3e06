package dev.gregor.cli;

import dev.gregor.cli.internal.demo.DemoShop;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.web.Dashboard;
import dev.gregor.embedded.ProcessMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gregor dev}: a real Kafka broker on localhost that runs until Ctrl-C, keeping its data across runs. */
@Command(
    name = "dev",
    sortOptions = false,
    headerHeading = "%n",
    header = "Run a real Kafka broker on localhost until Ctrl-C",
    synopsisHeading = "%nUsage:%n  ",
    descriptionHeading = "%nDescription:%n",
    description = {
        "  Starts Apache Kafka's own KRaft broker (combined broker and controller), no",
        "  Docker needed, prints its bootstrap address and how to produce and consume",
        "  with it, and runs until Ctrl-C or SIGTERM, then shuts it down cleanly.",
        "  Topics and records stay in the data directory for the next start: by default",
        "  dev (dev-Nnodes with --nodes N) under $GREGOR_HOME, else $HOME/.gregor.",
        "  Clients find it with -b localhost:PORT or GREGOR_BOOTSTRAP when PORT is not 9092."},
    optionListHeading = "%nOptions:%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:help or version shown",
        "1:usage error",
        "2:the broker could not start or failed",
        "130:stopped by Ctrl-C (SIGINT), after a clean shutdown",
        "143:stopped by SIGTERM, after a clean shutdown"},
    footerHeading = "%nExamples:%n",
    footer = {
        "  A broker on localhost:9092, data kept in ~/.gregor/dev:",
        "    gregor dev",
        "  The same, with every topic of earlier runs deleted first:",
        "    gregor dev --fresh",
        "  A 3-node cluster on localhost:9092-9094, data in ~/.gregor/dev-3nodes:",
        "    gregor dev --nodes 3",
        "  Free ports, data in /tmp/kafka, each node in its own JVM:",
        "    gregor dev --port 0 --data-dir /tmp/kafka --child-jvm",
        "  A broker with a demo app producing and consuming on it, and the dashboard:",
        "    gregor dev --demo --web"})
public final class DevCommand implements Callable<Integer> {
  /** Covers a child-JVM start that a stop request interrupts, plus a clean shutdown. */
  private static final long STOP_WAIT_SECONDS = 180;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "9092",
      description = "Port of node 1 (node N: PORT+N-1); 0 picks free ports. Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(names = "--nodes", paramLabel = "N", defaultValue = "1",
      description = "Number of nodes (1-9); nodes 1-3 are also the controllers. Default: ${DEFAULT-VALUE}.")
  int nodes;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Where the data is kept across runs. Default: $GREGOR_HOME/dev (GREGOR_HOME defaults to "
          + "$HOME/.gregor), or dev-Nnodes with --nodes N.")
  Path dataDir;

  @Option(names = "--fresh", description = "Delete the data directory first, to start with no topics.")
  boolean fresh;

  @Option(names = "--child-jvm", description = "Run each node in its own JVM instead of this one.")
  boolean childJvm;

  @Option(names = "--demo", description = "Also run a demo app on the broker: orders flow through a route, a "
      + "responder and worker jobs (topics demo.*), so groups, lag and jobs have something to show.")
  boolean demo;

  @Option(names = "--web", description = "Also serve the web dashboard for this broker (see gregor web), on "
      + "--web-port; the login password is printed.")
  boolean web;

  @Option(names = "--web-port", paramLabel = "PORT", defaultValue = "8080",
      description = "The dashboard's port with --web. Default: ${DEFAULT-VALUE}; 0 picks a free one.")
  int webPort;

  // Read before parsing by Main, which must configure logging before any logger exists, and by BrokerErrorHandler.
  @Option(names = "--verbose", description = "Show the broker's logs (at info) and stack traces of errors.")
  boolean verbose;

  @Spec
  CommandSpec spec;

  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);

  @Override
  public Integer call() {
    Thread shutdownHook = new Thread(this::stop, "gregor-dev-shutdown");
    // Registered before the start, so that Ctrl-C during a slow start still stops every node.
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    try {
      run(spec.commandLine().getOut());
      return GregorCommand.EXIT_OK;
    } finally {
      stopped.countDown();
      removeQuietly(shutdownHook);
    }
  }

  /**
   * Asks a running {@code dev} to stop and waits until the broker is closed; the shutdown hook
   * calls it on Ctrl-C and SIGTERM, and tests call it directly.
   */
  public void stop() {
    stopRequested.countDown();
    try {
      stopped.await(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run(PrintWriter out) {
    Path dir = DevDataDirectory.resolve(dataDir, nodes);
    if (fresh) {
      DevDataDirectory.delete(dir);
    }
    long startNanos = System.nanoTime();
    try (EmbeddedKafka kafka = EmbeddedKafka.builder()
        .nodes(nodes)
        .port(port)
        .dataDir(dir)
        .mode(childJvm ? ProcessMode.CHILD_JVM : ProcessMode.IN_PROCESS)
        .start()) {
      double seconds = (System.nanoTime() - startNanos) / 1e9;
      printBanner(out, kafka, seconds);
      try (Dashboard dashboard = web ? startDashboard(out, kafka.bootstrapServers()) : null) {
        if (demo) {
          runDemo(out, kafka.bootstrapServers());
        } else {
          awaitStopRequest();
        }
      }
      out.println();
      out.println("Stopping...");
      out.flush();
    }
    out.println("Stopped.");
    out.flush();
  }

  private Dashboard startDashboard(PrintWriter out, String bootstrap) {
    Dashboard dashboard = Dashboard.builder().bootstrapServers(bootstrap).port(webPort).start();
    out.printf("Dashboard at %s: log in as admin with password %s%n%n", dashboard.url(),
        dashboard.generatedPassword().orElseThrow());
    out.flush();
    return dashboard;
  }

  private void runDemo(PrintWriter out, String bootstrap) {
    try (DemoShop shop = DemoShop.start(bootstrap, out)) {
      String target = bootstrap.equals(KafkaOptions.DEFAULT_BOOTSTRAP) ? "" : " -b " + bootstrap;
      out.printf("Demo app '%s' is running: 5 orders a second on demo.orders, 150 more every 30 s. Watch it:%n",
          DemoShop.NAME);
      out.printf("  ./gregor groups describe %s_orders%s   # lag rising and draining%n", DemoShop.NAME, target);
      out.printf("  ./gregor consume demo.orders_confirmed%s%n%n", target);
      out.flush();
      awaitStopRequest();
    }
  }

  private void awaitStopRequest() {
    try {
      stopRequested.await();
    } catch (InterruptedException e) {
      // An interrupt is a stop request too; closing the broker still needs the thread.
      Thread.interrupted();
    }
  }

  private void printBanner(PrintWriter out, EmbeddedKafka kafka, double seconds) {
    String bootstrap = kafka.bootstrapServers();
    String shape = nodes == 1 ? "1 node" : nodes + " nodes";
    String where = childJvm ? "child JVMs" : "this JVM";
    out.printf(Locale.ROOT, "Kafka%s is running (%s, KRaft, in %s).%n%n", kafkaVersion(), shape, where);
    out.printf(Locale.ROOT, "  bootstrap servers  %s%n", bootstrap);
    out.printf(Locale.ROOT, "  started in         %.1f s%n", seconds);
    out.printf(Locale.ROOT, "  data directory     %s (kept across restarts; --fresh empties it)%n%n", kafka.dataDir());
    // A newcomer has this checkout and nothing else: gregor's own commands, not tools to install.
    String target = bootstrap.equals(KafkaOptions.DEFAULT_BOOTSTRAP) ? "" : " -b " + bootstrap;
    out.println("Produce and consume from another terminal in this checkout:");
    out.printf("  ./gregor produce greetings%s   # type lines, Ctrl-D ends%n", target);
    out.printf("  ./gregor consume greetings%s --from-beginning%n", target);
    if (!target.isEmpty()) {
      out.printf("  (or export %s=%s once, and leave out -b)%n", KafkaOptions.BOOTSTRAP_VARIABLE, bootstrap);
    }
    out.println();
    out.printf("Any Kafka client works too (kcat -b %s, Kafka's console tools).%n%n", bootstrap);
    out.println("Press Ctrl-C to stop.");
    out.flush();
  }

  /** Read from kafka-clients' own resource, as its internal AppInfoParser does; blank if missing. */
  static String kafkaVersion() {
    try (InputStream in = EmbeddedKafka.class.getClassLoader().getResourceAsStream("kafka/kafka-version.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.containsKey("version") ? " " + properties.getProperty("version") : "";
    } catch (IOException e) {
      return "";
    }
  }

  private static void removeQuietly(Thread shutdownHook) {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down and running this very hook.
    }
  }
}
