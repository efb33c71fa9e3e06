package dev.gregor.spring.internal;

import dev.gregor.client.Gregor;
import dev.gregor.framework.App;
import dev.gregor.metrics.GregorMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

/**
 * Binds gregor-metrics' meters of the client bean and of the app's client to the context's {@link MeterRegistry}
 * (Boot's primary one) once the app has started, and removes them when the context stops. The registry is looked
 * up then, so its auto-configuration's order does not matter; without one, nothing is bound.
 */
public final class GregorMeters implements SmartLifecycle {
  private final ObjectProvider<MeterRegistry> registries;
  private final ObjectProvider<Gregor> clients;
  private final ObjectProvider<App> apps;
  private final List<GregorMetrics> bound = new ArrayList<>();
  private boolean running;

  public GregorMeters(ObjectProvider<MeterRegistry> registries, ObjectProvider<Gregor> clients, ObjectProvider<App> apps) {
    this.registries = registries;
    this.clients = clients;
    this.apps = apps;
  }

  @Override
  public synchronized void start() {
    MeterRegistry registry = registries.getIfAvailable();
    if (registry != null) {
      Gregor client = clients.getIfUnique();
      if (client != null) {
        bind(client, registry);
      }
      App app = apps.getIfUnique();
      if (app != null && app.isRunning()) {
        bind(app.client(), registry);
      }
    }
    running = true;
  }

  private void bind(Gregor client, MeterRegistry registry) {
    GregorMetrics metrics = GregorMetrics.of(client);
    metrics.bindTo(registry);
    bound.add(metrics);
  }

  @Override
  public synchronized void stop() {
    bound.forEach(GregorMetrics::close);
    bound.clear();
    running = false;
  }

  @Override
  public synchronized boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return AppLifecycle.PHASE + 1;
  }
}
