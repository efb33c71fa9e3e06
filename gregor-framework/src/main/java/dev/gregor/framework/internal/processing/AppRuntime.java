package dev.gregor.framework.internal.processing;

import dev.gregor.client.GroupConsumer;
import dev.gregor.client.Gregor;
import dev.gregor.client.TimedEvent;
import dev.gregor.client.TopicExists;
import dev.gregor.client.UnknownTopic;
import dev.gregor.framework.FrameworkEvent;
import dev.gregor.framework.Ordering;
import dev.gregor.framework.Route;
import dev.gregor.framework.Routes;
import dev.gregor.framework.Settings;
import dev.gregor.framework.Stall;
import dev.gregor.framework.internal.ClientConfigs;
import dev.gregor.framework.internal.Instrumentation;
import dev.gregor.framework.internal.jobs.Enqueuer;
import dev.gregor.framework.internal.jobs.JobPerformer;
import dev.gregor.framework.internal.jobs.JobWorkers;
import dev.gregor.framework.internal.reporting.PartitionState;
import dev.gregor.framework.internal.reporting.ReportedApp;
import dev.gregor.framework.internal.reporting.Reporting;
import dev.gregor.framework.internal.responding.ResponseDelivery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A started app's server side: the client, one listener thread per consumer group and the pool
 * they hand work to. Stopping stops the listeners, which finish or hand back their work, commit and
 * leave their groups, then closes the client.
 */
public final class AppRuntime implements ReportedApp {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AppRuntime.class);
  private final Settings settings;
  private final Routes routes;
  private final Gregor client;
  private final ResponseDelivery responses;
  private JobWorkers workers;
  private final Instrumentation instrumentation;
  private final ExecutorService pool;
  /** Own pools of routes that run in parallel inside partitions ({@link Ordering#KEY}, {@link Ordering#UNORDERED}). */
  private final Map<Route, ExecutorService> routePools = new HashMap<>();
  /** Read by the reporter and the command listener while {@link #stop()} holds the lock: copy-on-write, not locked. */
  private final List<GroupListener> listeners = new CopyOnWriteArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private Reporting reporting;
  private volatile int performThreads;
  private volatile int workerThreads;
  private volatile boolean quieted;

  public AppRuntime(Settings settings, Routes routes) {
    this.settings = settings;
    this.routes = routes;
    this.client = Gregor.connect(ClientConfigs.client(settings));
    this.instrumentation = new Instrumentation(settings.monitor(), client.notifications(), settings.reporting());
    this.pool = ThreadPools.fixed("gregor-" + settings.name() + "-perform", settings.concurrency());
    this.responses = new ResponseDelivery(client, settings.topicMapper(), instrumentation,
        settings.producerPoolSize(), settings.producerPoolTimeout());
  }

  /** The server (seed: {@code karafka server}): one listener thread per consumer group. Once. */
  public synchronized void startServer() {
    if (!listeners.isEmpty()) {
      throw new IllegalStateException("app '" + settings.name() + "' is serving already");
    }
    Set<String> existing = new HashSet<>(client.topics().list()); // one admin call for both checks
    requireTopics(existing, routes.all().stream().map(Route::topic).toList(), "Route '%s'");
    requireTopics(existing, routes.all().stream().filter(r -> !r.inlineMode() && r.worker() == null).map(Route::queue)
        .distinct().toList(), "Jobs queue '%s' of a route that is not inline");
    for (Route route : routes.all()) {
      String like = settings.topicMapper().outgoing(route.topic());
      if (route.deadLetter() != null) {
        createIfMissing(existing, settings.topicMapper().outgoing(route.deadLetter()), like);
      }
      for (int retry = 1; retry <= route.retryTopics(); retry++) {
        createIfMissing(existing, settings.topicMapper().outgoing(route.retryTopic(retry)), like);
      }
    }
    Enqueuer enqueuer = new Enqueuer(client, settings.topicMapper(), instrumentation);
    Map<String, Map<String, Route>> groups = new LinkedHashMap<>();
    for (Route route : routes.all()) {
      Map<String, Route> byTopic = groups.computeIfAbsent(route.group(), g -> new LinkedHashMap<>());
      byTopic.put(settings.topicMapper().outgoing(route.topic()), route);
      for (int retry = 1; retry <= route.retryTopics(); retry++) { // the group reads its retry topics too
        byTopic.put(settings.topicMapper().outgoing(route.retryTopic(retry)), route);
      }
    }
    for (Route route : routes.all()) {
      if (route.ordering() != Ordering.PARTITION) {
        String name = "gregor-" + settings.name() + "-" + route.topic();
        routePools.put(route, route.virtualThreads() ? ThreadPools.virtual(name) : ThreadPools.fixed(name,
            route.concurrency()));
      }
    }
    groups.forEach((group, byTopic) -> {
      GroupConsumer consumer = client.consumer(group, c -> ClientConfigs.consumer(settings, c));
      consumer.subscribe(settings.startFromBeginning(), byTopic.keySet().toArray(String[]::new));
      GroupListener listener = new GroupListener(group, consumer, byTopic,
          route -> routePools.getOrDefault(route, pool),
          new ChunkPerformer(group, client, settings.topicMapper(), instrumentation, responses, enqueuer), instrumentation, settings.shutdownTimeout(),
          settings.stallTimeout(),
          this::failed);
      listeners.add(listener);
      Thread thread = new Thread(listener, "gregor-" + settings.name() + "-listener-" + group);
      threads.add(thread);
      thread.start();
    });
    performThreads = settings.concurrency() + routePools.keySet().stream().mapToInt(Route::concurrency).sum();
    startReporting();
  }

  /** Job workers (seed: {@code karafka worker}) for {@code queues}, or every queue of the app's routes when empty. */
  public synchronized JobWorkers startWorkers(List<String> queues, int concurrency) {
    if (workers != null) {
      throw new IllegalStateException("app '" + settings.name() + "' runs workers already");
    }
    List<String> chosen = queues.isEmpty() ? routes.all().stream().filter(r -> !r.inlineMode() && r.worker() == null)
        .map(Route::queue).distinct().toList() : queues;
    if (chosen.isEmpty()) {
      throw new IllegalStateException("app '" + settings.name() + "' has no route that enqueues to a Kafka queue: "
          + "workers have nothing to read (routes are inline or use custom workers)");
    }
    requireTopics(new HashSet<>(client.topics().list()), chosen, "Jobs queue '%s'");
    workers = new JobWorkers(client, settings, new JobPerformer(routes, responses, instrumentation), chosen,
        concurrency, this::failed);
    workers.start();
    workerThreads = concurrency;
    startReporting();
    return workers;
  }

  /** Reports and commands (when the setting is on) from the first start of the server or the workers. */
  private void startReporting() {
    if (settings.reporting() && reporting == null) {
      reporting = Reporting.start(client, settings, routes, instrumentation, this);
    }
  }

  @Override
  public boolean server() {
    return !listeners.isEmpty();
  }

  @Override
  public int workerThreads() {
    return workerThreads;
  }

  @Override
  public int performThreads() {
    return performThreads;
  }

  @Override
  public boolean quieted() {
    return quieted;
  }

  @Override
  public List<PartitionState> partitions() {
    List<PartitionState> all = new ArrayList<>();
    listeners.forEach(listener -> all.addAll(listener.partitions()));
    return all;
  }

  @Override
  public void command(String kafkaTopic, int partition, boolean pause) {
    List<GroupListener> readers = listeners.stream().filter(listener -> listener.reads(kafkaTopic)).toList();
    if (readers.isEmpty()) {
      LOG.info("App '{}': {} of {}/{} ignored: no group of this process reads the topic", settings.name(),
          pause ? "pause" : "resume", kafkaTopic, partition);
    }
    readers.forEach(listener -> listener.command(kafkaTopic, partition, pause));
  }

  /** Creates a dead-letter or retry topic with as many partitions as the topic it serves, unless it exists. */
  private void createIfMissing(Set<String> existing, String topic, String like) {
    if (existing.contains(topic)) {
      return;
    }
    int partitions = client.partitionsFor(like);
    try {
      client.topics().create(topic, t -> t.partitions(partitions));
      LOG.info("App '{}': created topic '{}' ({} partitions, as '{}')", settings.name(), topic, partitions, like);
    } catch (TopicExists raced) {
      // another process of the app created it first
    }
    existing.add(topic);
  }

  /** Topics must exist: a clear error naming the route or queue at start, not a failing listener later. */
  private void requireTopics(Set<String> existing, List<String> cleanNames, String what) {
    for (String clean : cleanNames) {
      String kafkaName = settings.topicMapper().outgoing(clean);
      if (!existing.contains(kafkaName)) {
        throw new UnknownTopic(kafkaName, String.format(what, clean) + ": topic '" + kafkaName + "' does not exist; "
            + "create it (gregor topics create " + kafkaName + ") or fix the route", List.of(), null);
      }
    }
  }

  /** Messages running past the stall timeout now, in every group. */
  public List<Stall> stalls() {
    List<Stall> stalls = new ArrayList<>();
    synchronized (this) {
      listeners.forEach(listener -> stalls.addAll(listener.stalls()));
    }
    return stalls;
  }

  /** Whether job workers were started. */
  public synchronized boolean hasWorkers() {
    return workers != null;
  }

  public Gregor client() {
    return client;
  }

  public Instrumentation instrumentation() {
    return instrumentation;
  }

  private void failed(Throwable error) {
    if (failure.compareAndSet(null, error)) {
      Thread stopper = new Thread(this::stop, "gregor-" + settings.name() + "-stop");
      stopper.setDaemon(true);
      stopper.start();
    }
  }

  public Throwable failure() {
    return failure.get();
  }

  /** Quiets every listener: no new work, assignments kept. */
  @Override
  public void quiet() {
    quieted = true;
    listeners.forEach(GroupListener::quiet);
  }

  /**
   * Stops listeners and waits for them (each bounded by the shutdown timeout), then publishes the last report and
   * closes the client; once.
   */
  @Override
  public synchronized void stop() {
    if (stopped.getCount() == 0) {
      return;
    }
    if (reporting != null) {
      reporting.stopCommands();
    }
    TimedEvent span = instrumentation.start(AppRuntime.class, FrameworkEvent.SHUTDOWN, "shutdown",
        FrameworkEvent.APP, settings.name());
    listeners.forEach(GroupListener::stop);
    if (workers != null) {
      workers.stop(settings.shutdownTimeout());
    }
    long waitMs = settings.shutdownTimeout().toMillis() + 5_000;
    for (Thread thread : threads) {
      try {
        if (thread.isAlive()) {
          thread.join(waitMs);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    pool.shutdownNow();
    routePools.values().forEach(ExecutorService::shutdownNow);
    span.stop();
    if (reporting != null) {
      reporting.stopReporting();
    }
    client.close(settings.shutdownTimeout());
    stopped.countDown();
  }

  public boolean awaitStopped(long timeout, TimeUnit unit) throws InterruptedException {
    return stopped.await(timeout, unit);
  }

  public boolean isStopped() {
    return stopped.getCount() == 0;
  }
}
