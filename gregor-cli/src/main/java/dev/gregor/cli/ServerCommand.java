package dev.gregor.cli;

import dev.gregor.cli.internal.PidFile;
import dev.gregor.framework.App;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gregor server}: runs a framework app's routes until stopped (seed: {@code karafka server}). */
@Command(
    name = "server",
    sortOptions = false,
    headerHeading = "%n",
    header = "Run a framework app's routes until SIGTERM or Ctrl-C",
    synopsisHeading = "%nUsage:%n  ",
    descriptionHeading = "%nDescription:%n",
    description = {
        "  Boots the app named by --app or GREGOR_BOOT from --classpath and serves its routes: one",
        "  listener per consumer group, work on the app's threads. SIGTERM or Ctrl-C stops it",
        "  gracefully: work in progress finishes within the app's shutdown timeout, offsets are",
        "  committed and the groups left. SIGTSTP quiets it (Karafka's quiet mode): no new work, but",
        "  it keeps its partitions until stopped, for deployments. With --daemon it detaches: a",
        "  second process serves, writes --pid-file once serving (removed when it stops) and logs",
        "  to --log-file; a pid file with a live pid refuses a second start, a stale one is replaced."},
    optionListHeading = "%nOptions:%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:stopped by the app itself, or --daemon started", "1:usage error",
        "2:the app is missing or invalid, failed, could not reach its brokers, or is already running",
        "143:stopped by SIGTERM (128 + 15, the JVM's)"},
    footerHeading = "%nExamples:%n",
    footer = {"  gregor server --app com.example.ShopApp --classpath target/classes",
        "  gregor server --app com.example.ShopApp --cp target/classes --daemon --pid-file shop.pid",
        "  kill $(cat shop.pid)"})
public final class ServerCommand implements Callable<Integer> {
  private static final Duration DAEMON_START_LIMIT = Duration.ofSeconds(60);

  @Mixin
  AppOptions appOptions;

  @Option(names = "--daemon", description = "Detach: serve in a background process (needs --pid-file).")
  boolean daemon;

  @Option(names = "--pid-file", paramLabel = "FILE", description = "Where the serving process writes its pid.")
  Path pidFile;

  @Option(names = "--log-file", paramLabel = "FILE",
      description = "With --daemon: where its output goes (appended). Default: gregor-server.log.")
  Path logFile;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (daemon && pidFile == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--daemon needs --pid-file FILE");
    }
    if (pidFile != null) {
      OptionalLong running = PidFile.live(pidFile);
      if (running.isPresent()) {
        throw new IllegalArgumentException("Already running as pid " + running.getAsLong() + " (pid file " + pidFile
            + "); stop it first (kill " + running.getAsLong() + ")");
      }
      if (Files.exists(pidFile)) {
        tell("Replacing stale pid file " + pidFile);
        Files.delete(pidFile);
      }
    }
    return daemon ? detach() : serve();
  }

  private int serve() throws Exception {
    App app = appOptions.load();
    app.start();
    if (pidFile != null) {
      PidFile.claim(pidFile);
    }
    quietOnSigtstp(app);
    tell("App '" + app.settings().name() + "' serving " + app.routes().all().size() + " route(s); SIGTERM or Ctrl-C "
        + "stops it, SIGTSTP quiets it");
    app.run(); // until stopped; throws why if the app stopped itself on a failure
    return GregorCommand.EXIT_OK;
  }

  /**
   * Karafka's quiet signal: SIGTSTP makes the app take no new work while it keeps its partitions, so a deployment
   * can start the new version before stopping this one. Java has no public API for it; where the platform has no
   * TSTP (Windows), quiet stays reachable through {@code App.quiet()}.
   */
  private void quietOnSigtstp(App app) {
    try {
      sun.misc.Signal.handle(new sun.misc.Signal("TSTP"), signal -> {
        app.quiet();
        tell("App '" + app.settings().name() + "' is quiet: no new work, partitions kept; SIGTERM stops it");
      });
    } catch (IllegalArgumentException noSuchSignal) {
      // not on this platform
    }
  }

  /** Starts this command again without --daemon in a process of its own, and waits until it serves or fails. */
  private int detach() throws Exception {
    Path log = logFile != null ? logFile : Path.of("gregor-server.log");
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()); // -Xmx, -D...
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "server",
        "--pid-file", pidFile.toString()));
    if (appOptions.app != null) {
      command.addAll(List.of("--app", appOptions.app));
    }
    if (appOptions.classpath != null) {
      command.addAll(List.of("--classpath", appOptions.classpath));
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    long deadline = System.nanoTime() + DAEMON_START_LIMIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (PidFile.live(pidFile).isPresent()) {
        tell("Started as pid " + process.pid() + "; logging to " + log + "; stop it with: kill " + process.pid());
        return GregorCommand.EXIT_OK;
      }
      if (process.waitFor(100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("The server stopped while starting (exit " + process.exitValue() + "); see "
            + log);
      }
    }
    process.destroy();
    throw new IllegalStateException("The server did not start serving within " + DAEMON_START_LIMIT.toSeconds()
        + " s; see " + log);
  }

  private void tell(String line) {
    spec.commandLine().getErr().println(line);
    spec.commandLine().getErr().flush();
  }
}
