package dev.gregor.cli;

import dev.gregor.framework.App;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gregor worker}: runs a framework app's job workers only (seed: {@code karafka worker}). */
@Command(
    name = "worker",
    sortOptions = false,
    headerHeading = "%n",
    header = "Run a framework app's job workers until SIGTERM or Ctrl-C",
    synopsisHeading = "%nUsage:%n  ",
    descriptionHeading = "%nDescription:%n",
    description = {
        "  Boots the app named by --app or GREGOR_BOOT and performs the jobs its routes enqueued",
        "  (routes not in inline mode) from the given queues, or from every queue of its routes,",
        "  on --concurrency threads; its routes are not served. SIGTERM or Ctrl-C stops it after",
        "  the jobs in progress."},
    optionListHeading = "%nOptions:%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:stopped by the app itself", "1:usage error",
        "2:the app is missing or invalid, has no queue, or failed", "143:stopped by SIGTERM"},
    footerHeading = "%nExamples:%n",
    footer = {"  gregor worker --app com.example.ShopApp --classpath target/classes --concurrency 4",
        "  gregor worker --app com.example.ShopApp --cp target/classes --queues shop_jobs"})
public final class WorkerCommand implements Callable<Integer> {
  @Mixin
  AppOptions appOptions;

  @Option(names = "--queues", paramLabel = "QUEUE[,QUEUE...]", split = ",",
      description = "The jobs topics to perform (by clean name). Default: every queue of the app's routes.")
  List<String> queues = List.of();

  @Option(names = "--concurrency", paramLabel = "N", defaultValue = "1", description = "Worker threads. Default: 1.")
  int concurrency;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    if (concurrency < 1) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--concurrency must be at least 1, was "
          + concurrency);
    }
    App app = appOptions.load();
    app.startWorkers(concurrency, queues.toArray(String[]::new));
    spec.commandLine().getErr().println("App '" + app.settings().name() + "' working on " + concurrency
        + " thread(s); SIGTERM or Ctrl-C stops it");
    spec.commandLine().getErr().flush();
    while (!app.awaitStopped(java.time.Duration.ofSeconds(1))) {
      // the workers do the work
    }
    Throwable failure = app.failure();
    if (failure != null) {
      throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
    }
    return GregorCommand.EXIT_OK;
  }
}
