package dev.gregor.framework.internal.reporting;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.gregor.client.Gregor;
import dev.gregor.client.Produce;
import dev.gregor.framework.Routes;
import dev.gregor.framework.Settings;
import dev.gregor.framework.internal.Instrumentation;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes this process's report to the reports topic every report interval, keyed by the process id (so a
 * compacted topic would keep each process's last), and a last one with state {@code stopped} when the app stops.
 */
public final class ProcessReporter {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessReporter.class);

  private final Gregor client;
  private final Settings settings;
  private final Instrumentation instrumentation;
  private final ReportedApp app;
  private final ProcessIdentity process;
  private final ArrayNode routes;
  private final CountDownLatch stopping = new CountDownLatch(1);
  private final Thread thread;
  private long lastProcessed;
  private long lastBusyNanos;
  private long lastJobsBusyNanos;
  private long lastAt = System.nanoTime();
  private boolean failing;

  public ProcessReporter(Gregor client, Settings settings, Routes routes, Instrumentation instrumentation,
      ReportedApp app, ProcessIdentity process) {
    this.client = client;
    this.settings = settings;
    this.instrumentation = instrumentation;
    this.app = app;
    this.process = process;
    this.routes = ReportJson.routes(routes.all(), settings.topicMapper());
    this.thread = new Thread(this::run, "gregor-" + settings.name() + "-reporter");
    this.thread.setDaemon(true);
  }

  public void start() {
    app.partitions(); // asks the listeners to keep their partitions copied from now on
    thread.start();
  }

  /** Stops reporting and publishes the last report, {@code stopped}; call once the app's work has stopped. */
  public void stop() {
    stopping.countDown();
    try {
      thread.join(settings.connectTimeout().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    publish("stopped");
  }

  private void run() {
    try {
      do {
        publish(app.quieted() ? "quiet" : "running");
      } while (!stopping.await(settings.reportInterval().toMillis(), TimeUnit.MILLISECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private synchronized void publish(String state) {
    try {
      client.deliverMessage(settings.reportsTopic(), report(state), Produce.key(process.id()));
      if (failing) {
        LOG.info("App '{}': reports are published again to '{}'", settings.name(), settings.reportsTopic());
        failing = false;
      }
    } catch (RuntimeException e) { // the dashboard misses a report; the app goes on
      if (!failing) {
        LOG.warn("App '{}': could not publish its report to '{}': {}", settings.name(), settings.reportsTopic(),
            e.toString());
        failing = true;
      }
    }
  }

  String report(String state) {
    ProcessCounters counters = instrumentation.counters();
    long now = System.nanoTime();
    long processed = counters.processed();
    double seconds = (now - lastAt) / 1e9;
    double perSecond = seconds > 0 ? (processed - lastProcessed) / seconds : 0;
    long busyNanos = counters.busyNanos();
    long jobsBusyNanos = counters.jobsBusyNanos();
    double utilisation = share(busyNanos - lastBusyNanos, app.performThreads(), now - lastAt);
    double jobsUtilisation = share(jobsBusyNanos - lastJobsBusyNanos, app.workerThreads(), now - lastAt);
    lastAt = now;
    lastProcessed = processed;
    lastBusyNanos = busyNanos;
    lastJobsBusyNanos = jobsBusyNanos;
    boolean stopped = state.equals("stopped");
    return ReportJson.report(new ReportJson.Facts(settings.name(), process, state, app.server(), app.workerThreads(),
        counters.busy(), app.performThreads(), utilisation, processed, counters.failed(), perSecond,
        stopped ? List.of() : app.partitions(), counters.jobsRunning(), counters.jobsDone(), counters.jobsFailed(),
        jobsUtilisation, instrumentation.jobs().list(), instrumentation.jobs().deletions(),
        instrumentation.errors().list()), routes);
  }

  /** The share of {@code threads}' time over {@code elapsedNanos} that was busy, 0 to 1. */
  private static double share(long busyNanos, int threads, long elapsedNanos) {
    if (threads <= 0 || elapsedNanos <= 0) {
      return 0;
    }
    return Math.max(0, Math.min(1, (double) busyNanos / ((double) threads * elapsedNanos)));
  }
}
