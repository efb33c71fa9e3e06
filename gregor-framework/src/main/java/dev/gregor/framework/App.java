package dev.gregor.framework;

import dev.gregor.client.GregorException;
import dev.gregor.client.Gregor;
import dev.gregor.framework.internal.Brokers;
import dev.gregor.framework.internal.ClientConfigs;
import dev.gregor.framework.internal.Configurators;
import dev.gregor.framework.internal.Environments;
import dev.gregor.framework.internal.processing.AppRuntime;
import dev.gregor.framework.internal.routing.RouteChecks;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A Karafka-style application: settings, routes, and the server that runs them (seed: "Setup",
 * "Routing", "Receiving messages"). Built and checked once; started, it reads every route's topic
 * in its consumer group and performs each message with the route's controller.
 *
 * <pre>{@code
 * App app = App.builder()
 *     .setup(config -> config.name("my_application").kafkaHosts("localhost:9092"))
 *     .routes(routes -> routes.topic("videos", route -> route.controller(VideosController.class)))
 *     .build();
 * app.run(); // until SIGTERM or app.stop()
 * }</pre>
 */
public final class App implements AutoCloseable {
  private final Settings settings;
  private final Routes routes;
  private @Nullable AppRuntime runtime;
  private boolean serving;
  private @Nullable Thread sigterm;

  private App(Settings settings, Routes routes) {
    this.settings = settings;
    this.routes = routes;
  }

  /** Starts building an app. */
  public static Builder builder() {
    return new Builder();
  }

  /** The checked settings. */
  public Settings settings() {
    return settings;
  }

  /** The checked routes. */
  public Routes routes() {
    return routes;
  }

  /**
   * Connects, checks every routed topic exists ({@code UnknownTopic} naming the route otherwise)
   * and starts one listener per consumer group; returns at once. Once per app. From here on SIGTERM
   * stops the app gracefully, as {@link #stop()} does.
   */
  public synchronized App start() {
    if (serving) {
      throw new IllegalStateException("app '" + settings.name() + "' was started already; build another to start again");
    }
    AppRuntime running = connected();
    try {
      running.startServer();
    } catch (RuntimeException e) {
      stopUnlessWorking(running);
      throw e;
    }
    serving = true;
    return this;
  }

  /**
   * Starts {@code concurrency} worker threads performing the jobs that routes not in inline mode
   * enqueue (seed: {@code karafka worker}), on {@code queues} or, when none are named, every queue
   * the routes use; returns at once. The server and the workers may run in one process or apart.
   */
  public synchronized App startWorkers(int concurrency, String... queues) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
    }
    AppRuntime running = connected();
    try {
      running.startWorkers(List.of(queues), concurrency);
    } catch (RuntimeException e) {
      stopUnlessWorking(running);
      throw e;
    }
    return this;
  }

  /** A start that failed leaves nothing open, unless the other half (server or workers) is running. */
  private void stopUnlessWorking(AppRuntime running) {
    if (!serving && !running.hasWorkers()) {
      stop();
    }
  }

  private AppRuntime connected() {
    AppRuntime running = runtime;
    if (running == null) {
      running = new AppRuntime(settings, routes);
      runtime = running;
      // SIGTERM stops gracefully whether the app runs under run() or was started by the caller's own main.
      sigterm = new Thread(running::stop, "gregor-" + settings.name() + "-sigterm");
      Runtime.getRuntime().addShutdownHook(sigterm);
    } else if (running.isStopped()) {
      throw new IllegalStateException("app '" + settings.name() + "' has stopped; build another to start again");
    }
    return running;
  }

  /**
   * Starts (unless {@link #start()} did) and serves until {@link #stop()} or SIGTERM, then returns once stopped
   * gracefully (the seed's {@code karafka server}); throws the failure that stopped it, if any.
   */
  public void run() {
    AppRuntime running;
    synchronized (this) {
      if (!serving) {
        start();
      }
      running = running();
    }
    try {
      while (!running.awaitStopped(1, TimeUnit.SECONDS)) {
        // serving; the listeners do the work
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running.stop();
    }
    Throwable failure = running.failure();
    if (failure != null) {
      throw failure instanceof GregorException g ? g : new GregorException("App '" + settings.name() + "' failed: "
          + failure, failure);
    }
  }

  /** The connected client, for admin calls and its {@code notifications()}; after {@link #start()} or {@link #startWorkers}. */
  public Gregor client() {
    return running().client();
  }

  /**
   * What the seed's {@code info} prints: the effective settings, secrets masked, and {@code brokers}: the
   * cluster discovered from {@code kafka.hosts} (seed: "Kafka brokers auto-discovery"). Connects if not started.
   */
  public Map<String, String> info() {
    Map<String, String> info = new java.util.LinkedHashMap<>(settings.describe());
    AppRuntime running = runtime;
    if (running != null && !running.isStopped()) {
      info.put("brokers", Brokers.describe(running.client()));
    } else {
      try (Gregor client = Gregor.connect(ClientConfigs.client(settings))) {
        info.put("brokers", Brokers.describe(client));
      }
    }
    return info;
  }

  /** Why the app stopped by itself (an error policy said stop, or Kafka refused), or null. */
  public @Nullable Throwable failure() {
    AppRuntime running = runtime;
    return running == null ? null : running.failure();
  }

  /**
   * Messages running longer than the {@code stallTimeout} setting now, each reported once as a
   * {@link FrameworkEvent#STALL} with its thread's stack in the log; empty when healthy or not started.
   */
  public List<Stall> stalls() {
    AppRuntime running = runtime;
    return running == null || running.isStopped() ? List.of() : running.stalls();
  }

  /** Whether the app was started and has not stopped. */
  public boolean isRunning() {
    AppRuntime running = runtime;
    return running != null && !running.isStopped();
  }

  /** Waits up to {@code timeout} for the app to stop; whether it has. */
  public boolean awaitStopped(Duration timeout) throws InterruptedException {
    return running().awaitStopped(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /**
   * Quiets the server (Karafka's quiet mode, for deployments): it takes no new messages — work in progress
   * finishes and is committed — but stays in its groups and keeps its partitions, so nothing is rebalanced
   * until {@link #stop()} or SIGTERM. Job workers are not quieted. Safe from any thread; once quiet, for good.
   */
  public void quiet() {
    AppRuntime running = runtime;
    if (running != null) {
      running.quiet();
    }
  }

  /**
   * Stops taking messages, lets work in progress finish within the shutdown timeout (what does not
   * is read again, uncommitted), commits, leaves the groups and disconnects. Safe from any thread.
   */
  public void stop() {
    AppRuntime running = runtime;
    if (running != null) {
      running.stop();
    }
    Thread hook = sigterm;
    if (hook != null && Thread.currentThread() != hook) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the JVM is exiting; the hook has stopped the app or is doing so
      }
    }
  }

  /** {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  private AppRuntime running() {
    AppRuntime running = runtime;
    if (running == null) {
      throw new IllegalStateException("app '" + settings.name() + "' is not started: call start() or run()");
    }
    return running;
  }

  @Override
  public String toString() {
    return "App{" + settings.name() + ", " + routes.all().size() + " route(s)}";
  }

  /** Builds an app: {@link #setup}, {@link #routes}, optional {@link #configurator}s, then {@link #build()}. */
  public static final class Builder {
    private final Settings.Builder settings = new Settings.Builder();
    private final Routes.Builder routes = new Routes.Builder();
    private final List<Configurator> configurators = new ArrayList<>();
    private Map<String, String> environment = System.getenv();
    private Path configDirectory = Path.of(".");

    private Builder() {}

    /**
     * The variables read for {@code GREGOR_ENV} and {@code GREGOR_*} overrides; {@code System.getenv()} by
     * default. The overlay {@code gregor.<env>.properties} is read from the classpath and the config directory.
     */
    public Builder environment(Map<String, String> variables) {
      this.environment = Map.copyOf(variables);
      return this;
    }

    /** Where {@code gregor.<env>.properties} is looked for besides the classpath; the working directory by default. */
    public Builder configDirectory(Path directory) {
      this.configDirectory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /** The seed's {@code setup do |config|}: may be called more than once; later calls, the overlay and variables override. */
    public Builder setup(Consumer<Settings.Builder> setup) {
      Objects.requireNonNull(setup, "setup").accept(settings);
      return this;
    }

    /** The seed's {@code routes.draw}: may be called more than once; routes add up. */
    public Builder routes(Consumer<Routes.Builder> draw) {
      Objects.requireNonNull(draw, "draw").accept(routes);
      return this;
    }

    /** A configurator run after the settings are checked, before any discovered with {@code ServiceLoader}. */
    public Builder configurator(Configurator configurator) {
      configurators.add(Objects.requireNonNull(configurator, "configurator"));
      return this;
    }

    /** Checks settings and routes together, reporting every problem in one {@link InvalidSetup}; then runs configurators. */
    public App build() {
      List<String> errors = new ArrayList<>();
      Environments.apply(settings, environment, configDirectory, errors);
      Settings built = settings.build(errors, Environments.name(environment));
      List<Route> resolved = new ArrayList<>();
      if (built != null) {
        for (Route.Builder route : routes.drawn()) {
          Route each = route.resolve(built, errors);
          if (each != null) {
            resolved.add(each);
          }
        }
        RouteChecks.check(routes.drawn().stream().map(Route.Builder::topic).toList(), resolved, built.topicMapper(), errors);
      } else if (routes.drawn().isEmpty()) {
        errors.add("routes: no route drawn; add one with routes(r -> r.topic(\"name\", t -> t.controller(MyController.class)))");
      }
      errors.addAll(0, routes.problems());
      if (!errors.isEmpty() || built == null) {
        throw new InvalidSetup(errors);
      }
      Configurators.run(configurators, built);
      return new App(built, new Routes(resolved));
    }
  }
}
