package dev.gregor.spring.internal;

import dev.gregor.framework.App;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the app with the context: started once the context is refreshed (a start that fails, e.g. a missing topic,
 * fails the refresh), stopped gracefully when it closes — work in progress finishes within the app's shutdown
 * timeout, is committed, and the groups are left — before any bean it uses is destroyed.
 */
public final class AppLifecycle implements SmartLifecycle {
  /** Started late and stopped early among the context's lifecycles. */
  public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 1024;
  private static final Logger LOG = LoggerFactory.getLogger(AppLifecycle.class);

  private final App app;
  private final int workers;

  public AppLifecycle(App app, int workers) {
    this.app = app;
    this.workers = workers;
  }

  @Override
  public void start() {
    app.start();
    if (workers > 0) {
      app.startWorkers(workers);
    }
    LOG.info("Gregor app '{}' started: {} route(s){}", app.settings().name(), app.routes().all().size(),
        workers > 0 ? ", " + workers + " job worker(s)" : "");
  }

  @Override
  public void stop() {
    if (app.isRunning()) {
      LOG.info("Gregor app '{}' stopping (waits up to {} for work in progress)", app.settings().name(),
          app.settings().shutdownTimeout());
    }
    app.stop();
  }

  @Override
  public boolean isRunning() {
    return app.isRunning();
  }

  @Override
  public int getPhase() {
    return PHASE;
  }
}
