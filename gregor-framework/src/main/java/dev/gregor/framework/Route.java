package dev.gregor.framework;

import dev.gregor.client.ErrorPolicy;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import dev.gregor.framework.internal.routing.FlowControl;
import dev.gregor.framework.internal.routing.RouteChecks;
import org.jspecify.annotations.Nullable;

/**
 * One route of an app (seed: "Routing"): a topic and how its messages are handled. Immutable;
 * built from {@link Routes.Builder#topic} with the app's settings filling what the route leaves open.
 */
public final class Route {
  private final String topic;
  private final String group;
  private final boolean sharedGroup;
  private final Class<? extends Controller> controller;
  private final Supplier<? extends Controller> controllerFactory;
  private final @Nullable Worker worker;
  private final String queue;
  private final Parser parser;
  private final Interchanger interchanger;
  private final @Nullable Class<? extends Responder> responder;
  private final @Nullable Supplier<? extends Responder> responderFactory;
  private final boolean inlineMode;
  private final boolean batchMode;
  private final ErrorPolicy errorPolicy;
  private final boolean transactional;
  private final Ordering ordering;
  private final int concurrency;
  private final boolean virtualThreads;
  private final @Nullable String deadLetter;
  private final FlowControl flow;
  private final @Nullable OffsetStore offsetStore;

  Route(String topic, String group, boolean sharedGroup, Class<? extends Controller> controller, Supplier<? extends Controller> controllerFactory,
      @Nullable Worker worker, String queue, Parser parser, Interchanger interchanger,
      @Nullable Class<? extends Responder> responder, @Nullable Supplier<? extends Responder> responderFactory,
      boolean inlineMode, boolean batchMode, ErrorPolicy errorPolicy, boolean transactional, Ordering ordering,
      int concurrency, boolean virtualThreads, @Nullable String deadLetter, FlowControl flow,
      @Nullable OffsetStore offsetStore) {
    this.topic = topic;
    this.group = group;
    this.sharedGroup = sharedGroup;
    this.controller = controller;
    this.controllerFactory = controllerFactory;
    this.worker = worker;
    this.queue = queue;
    this.parser = parser;
    this.interchanger = interchanger;
    this.responder = responder;
    this.responderFactory = responderFactory;
    this.inlineMode = inlineMode;
    this.batchMode = batchMode;
    this.errorPolicy = errorPolicy;
    this.transactional = transactional;
    this.ordering = ordering;
    this.concurrency = concurrency;
    this.virtualThreads = virtualThreads;
    this.deadLetter = deadLetter;
    this.flow = flow;
    this.offsetStore = offsetStore;
  }

  /** Where the route's offsets are kept with the controller's writes, or null for Kafka's commits alone. */
  public @Nullable OffsetStore offsetStore() {
    return offsetStore;
  }

  /** How long after it was written a message may run, at the earliest (zero: at once). */
  public Duration delay() {
    return flow.delay();
  }

  /** The age past which a message is skipped instead of performed, or null. */
  public @Nullable Duration expireAfter() {
    return flow.expireAfter();
  }

  /** How many retry topics a failed message passes (waiting longer in each) before the dead-letter topic; 0 when none. */
  public int retryTopics() {
    return flow.retryTopics();
  }

  /** The Kafka-clean name of retry topic {@code attempt} (1-based): {@code <topic>_retry_<attempt>}. */
  public String retryTopic(int attempt) {
    return topic + "_retry_" + attempt;
  }

  /** The interval of the controller's {@code tick()}, or null when the route has none. */
  public @Nullable Duration tick() {
    return flow.tick();
  }

  /** The filter messages must pass to be performed, or null. */
  public java.util.function.@Nullable Predicate<dev.gregor.client.Message> filter() {
    return flow.filter();
  }

  /** How many messages of a partition may run per {@link #throttleInterval()}; 0 when not throttled. */
  public int throttleMessages() {
    return flow.throttleMessages();
  }

  /** The throttle's interval (zero when not throttled). */
  public Duration throttleInterval() {
    return flow.throttleInterval();
  }

  /** The wait before retry topic 1; each next retry topic waits twice as long. */
  public Duration retryBackoff() {
    return flow.retryBackoff();
  }

  /** How long a message waits in retry topic {@code attempt} (1-based). */
  public Duration retryDelay(int attempt) {
    return flow.retryDelay(attempt);
  }

  /**
   * The clean name of the topic a message goes to, with its origin and error in headers ({@link DeadLetters}),
   * when the error policy would stop; null when the route has none.
   */
  public @Nullable String deadLetter() {
    return deadLetter;
  }

  /** In which order messages of one partition are processed. */
  public Ordering ordering() {
    return ordering;
  }

  /**
   * How many chunks of this route run at once in this process with {@link Ordering#KEY} or
   * {@link Ordering#UNORDERED}; with {@link Ordering#PARTITION}, one per partition on the app's pool (1 here).
   */
  public int concurrency() {
    return concurrency;
  }

  /** Whether the route's parallel work runs on virtual threads (Java 21+) instead of its own platform threads. */
  public boolean virtualThreads() {
    return virtualThreads;
  }

  /**
   * Whether responses (or the enqueued job) and the consumed offset go in one Kafka transaction: exactly once
   * for {@code read_committed} readers.
   */
  public boolean transactional() {
    return transactional;
  }

  /** The clean topic name (before the app's {@link TopicMapper#outgoing}). */
  public String topic() {
    return topic;
  }

  /** The consumer group; the app name and topic when the route named none. */
  public String group() {
    return group;
  }

  /** Whether the route said its group may serve other routes too. */
  public boolean sharedGroup() {
    return sharedGroup;
  }

  /** The controller class. */
  public Class<? extends Controller> controller() {
    return controller;
  }

  /**
   * A new controller; the framework makes one per assigned partition (more when chunks of a partition run in
   * parallel, see {@link #ordering()}) and never lets two threads use one at once.
   */
  public Controller newController() {
    return Objects.requireNonNull(controllerFactory.get(), () -> "the controller factory of route '" + topic + "' returned null");
  }

  /** The custom worker, or null when jobs go to the Kafka {@link #queue()}. */
  public @Nullable Worker worker() {
    return worker;
  }

  /** The jobs topic the route's messages are enqueued to when not inline. */
  public String queue() {
    return queue;
  }

  /** The parser of messages and responses. */
  public Parser parser() {
    return parser;
  }

  /** The encoding of what is handed to a worker. */
  public Interchanger interchanger() {
    return interchanger;
  }

  /** The responder class, or null. */
  public @Nullable Class<? extends Responder> responder() {
    return responder;
  }

  /** A new responder, or null when the route has none. */
  public @Nullable Responder newResponder() {
    return responderFactory == null ? null : Objects.requireNonNull(responderFactory.get(),
        () -> "the responder factory of route '" + topic + "' returned null");
  }

  /** Whether controllers perform in the server process instead of a worker (seed: "Inline mode flag"). */
  public boolean inlineMode() {
    return inlineMode;
  }

  /** Whether a controller gets whole batches (seed: "Batch mode flag"). */
  public boolean batchMode() {
    return batchMode;
  }

  /** What happens when the controller throws: the client's error policies. */
  public ErrorPolicy errorPolicy() {
    return errorPolicy;
  }

  @Override
  public String toString() {
    return topic + " group=" + group + " controller=" + controller.getName()
        + (responder == null ? "" : " responder=" + responder.getName()) + " parser=" + parser
        + (inlineMode ? " inline" : " queue=" + (worker == null ? queue : worker.getClass().getName()))
        + (batchMode ? " batch" : "") + (transactional ? " transactional" : "")
        + (ordering == Ordering.PARTITION ? "" : " ordering=" + ordering + " concurrency=" + concurrency
            + (virtualThreads ? " virtual-threads" : ""))
        + (deadLetter == null ? "" : " dead-letter=" + deadLetter)
        + (flow.retryTopics() == 0 ? "" : " retry-topics=" + flow.retryTopics())
        + (flow.delay().isZero() ? "" : " delay=" + flow.delay())
        + (flow.expireAfter() == null ? "" : " expire-after=" + flow.expireAfter())
        + (flow.filter() == null ? "" : " filtered")
        + (flow.throttleMessages() == 0 ? "" : " throttle=" + flow.throttleMessages() + "/" + flow.throttleInterval())
        + (flow.tick() == null ? "" : " tick=" + flow.tick());
  }

  /** The route DSL inside {@code topic(name, route -> ...)}; unset settings come from the app's. */
  public static final class Builder {
    private static final int DEFAULT_CONCURRENCY = RouteChecks.DEFAULT_CONCURRENCY;
    private final String topic;
    private @Nullable String group;
    private boolean sharedGroup;
    private @Nullable Class<? extends Controller> controller;
    private @Nullable Supplier<? extends Controller> controllerFactory;
    private @Nullable Worker worker;
    private @Nullable String queue;
    private @Nullable Parser parser;
    private @Nullable Interchanger interchanger;
    private @Nullable Class<? extends Responder> responder;
    private @Nullable Supplier<? extends Responder> responderFactory;
    private @Nullable Boolean inlineMode;
    private @Nullable Boolean batchMode;
    private @Nullable ErrorPolicy errorPolicy;
    private boolean transactional;
    private Ordering ordering = Ordering.PARTITION;
    private @Nullable Integer concurrency;
    private boolean virtualThreads;
    private @Nullable String deadLetter;
    private FlowControl flow = FlowControl.NONE;
    private @Nullable OffsetStore offsetStore;

    Builder(String topic) {
      this.topic = topic;
    }

    String topic() {
      return topic;
    }

    /** The consumer group; it must serve this route only (seed: "Group"), unless {@link #sharedGroup}. */
    public Builder group(String group) {
      this.group = group;
      return this;
    }

    /** A consumer group that other routes, which also say {@code sharedGroup}, read with this one. */
    public Builder sharedGroup(String group) {
      this.group = group;
      this.sharedGroup = true;
      return this;
    }

    /** The controller class; the framework makes one per partition with its no-argument constructor. */
    public Builder controller(Class<? extends Controller> controller) {
      this.controller = controller;
      this.controllerFactory = null;
      return this;
    }

    /** The controller class and how to make one (for constructor arguments); called once per partition. */
    public <C extends Controller> Builder controller(Class<C> controller, Supplier<C> factory) {
      this.controller = controller;
      this.controllerFactory = Objects.requireNonNull(factory, "factory");
      return this;
    }

    /** A custom worker instead of the Kafka queue, for routes not in inline mode. */
    public Builder worker(Worker worker) {
      this.worker = Objects.requireNonNull(worker, "worker");
      return this;
    }

    /** The Kafka jobs topic this route's work is enqueued to (the app's default queue otherwise). */
    public Builder queue(String queue) {
      this.queue = queue;
      return this;
    }

    /** How messages are parsed and responses generated; JSON by default. */
    public Builder parser(Parser parser) {
      this.parser = Objects.requireNonNull(parser, "parser");
      return this;
    }

    /** How work handed to a worker is encoded; binary by default. */
    public Builder interchanger(Interchanger interchanger) {
      this.interchanger = Objects.requireNonNull(interchanger, "interchanger");
      return this;
    }

    /** The responder {@code respondWith} hands results to; made with its no-argument constructor. */
    public Builder responder(Class<? extends Responder> responder) {
      this.responder = responder;
      this.responderFactory = null;
      return this;
    }

    /** The responder class and how to make one. */
    public <R extends Responder> Builder responder(Class<R> responder, Supplier<R> factory) {
      this.responder = responder;
      this.responderFactory = Objects.requireNonNull(factory, "factory");
      return this;
    }

    /** Overrides the app's inline mode for this route. */
    public Builder inlineMode(boolean inlineMode) {
      this.inlineMode = inlineMode;
      return this;
    }

    /** Overrides the app's batch mode for this route. */
    public Builder batchMode(boolean batchMode) {
      this.batchMode = batchMode;
      return this;
    }

    /** Overrides the app's error policy for this route. */
    public Builder errorPolicy(ErrorPolicy errorPolicy) {
      this.errorPolicy = Objects.requireNonNull(errorPolicy, "errorPolicy");
      return this;
    }

    /**
     * Sends the responses (inline) or the job (Kafka queue) in one Kafka transaction with the consumed offset,
     * through a transactional producer per partition ({@code <client id>-<topic>-<partition>}, so a partition's new
     * owner fences the old one); off by default.
     */
    public Builder transactional(boolean transactional) {
      this.transactional = transactional;
      return this;
    }

    /**
     * Processes messages by key ({@link Ordering#KEY}) or in any order ({@link Ordering#UNORDERED}) in parallel
     * inside each partition, or one partition at a time ({@link Ordering#PARTITION}, the default).
     */
    public Builder ordering(Ordering ordering) {
      this.ordering = Objects.requireNonNull(ordering, "ordering");
      return this;
    }

    /**
     * How many chunks run at once for a {@link Ordering#KEY} or {@link Ordering#UNORDERED} route (default 16):
     * the size of the route's own thread pool, or the bound on its virtual threads.
     */
    public Builder concurrency(int concurrency) {
      this.concurrency = concurrency;
      return this;
    }

    /**
     * Runs the route's parallel work on virtual threads (Java 21 or later): cheap for blocking I/O. Before
     * Java 24, a thread blocking inside {@code synchronized} pins its carrier thread, as JDBC drivers often do.
     */
    public Builder virtualThreads(boolean virtualThreads) {
      this.virtualThreads = virtualThreads;
      return this;
    }

    /**
     * Where a message goes when the error policy gives up (it would stop): the dead-letter topic (a clean name),
     * which keeps the key, value and headers and adds where the message came from and why it failed
     * ({@link DeadLetters}); the partition then goes on. Created at start when missing.
     */
    public Builder deadLetter(String topic) {
      this.deadLetter = Objects.requireNonNull(topic, "topic");
      return this;
    }

    /**
     * Retries a failing message up to {@code attempts} times in all, waiting {@code backoff}, then twice as long
     * each time (at most 64 times {@code backoff}); then the {@link #deadLetter} topic if any, else the app stops.
     * The partition (or, in KEY order, the key) waits and keeps being polled. Replaces the error policy.
     */
    public Builder retries(int attempts, Duration backoff) {
      Objects.requireNonNull(backoff, "backoff");
      this.errorPolicy = ErrorPolicy.retry(attempts, backoff,
          backoff.multipliedBy(1L << Math.max(0, Math.min(attempts - 1, 6))));
      return this;
    }

    /**
     * Non-blocking retries: a failing message moves to retry topic 1 ({@code <topic>_retry_1}, created at start)
     * and the partition goes on; it runs again {@code backoff} later, then from topic 2 after twice as long, and so
     * on for {@code topics} topics; then to the {@link #deadLetter} topic, which this needs. Key order does not hold
     * for retried messages.
     */
    public Builder retryTopics(int topics, Duration backoff) {
      this.flow = flow.withRetryTopics(topics, Objects.requireNonNull(backoff, "backoff"));
      return this;
    }

    /**
     * Runs each message no earlier than {@code delay} after it was written (its timestamp): the partition is paused
     * until its oldest message is due, with no thread sleeping.
     */
    public Builder delay(Duration delay) {
      this.flow = flow.withDelay(Objects.requireNonNull(delay, "delay"));
      return this;
    }

    /** Skips (commits without performing) messages written longer than {@code age} before they would run. */
    public Builder expireAfter(Duration age) {
      this.flow = flow.withExpireAfter(Objects.requireNonNull(age, "age"));
      return this;
    }

    /** Performs only messages {@code keep} accepts; the others are committed without running (on the listener thread). */
    public Builder filter(java.util.function.Predicate<dev.gregor.client.Message> keep) {
      this.flow = flow.withFilter(Objects.requireNonNull(keep, "keep"));
      return this;
    }

    /** Runs at most {@code messages} of each partition per {@code interval}; the partition waits for the next one. */
    public Builder throttle(int messages, Duration interval) {
      this.flow = flow.withThrottle(messages, Objects.requireNonNull(interval, "interval"));
      return this;
    }

    /** Calls each assigned partition's controller's {@code tick()} every {@code interval}, also when no message comes. */
    public Builder tick(Duration interval) {
      this.flow = flow.withTick(Objects.requireNonNull(interval, "interval"));
      return this;
    }

    /**
     * Keeps the route's offsets in {@code store}, in the transaction of each message (or batch) the controller
     * performs, and starts each assigned partition from the stored offset: a crash between the controller's writes
     * and a Kafka commit then neither loses nor repeats them. Kafka's commits go on, for tools that show lag.
     */
    public Builder offsetStore(OffsetStore store) {
      this.offsetStore = Objects.requireNonNull(store, "store");
      return this;
    }

    /** The route with the app's settings filled in; problems go to {@code errors}, each naming the route. */
    @Nullable Route resolve(Settings settings, java.util.List<String> errors) {
      String where = "route '" + topic + "'";
      Class<? extends Controller> controllerClass = controller;
      if (controllerClass == null) {
        errors.add(where + ": no controller; give one with controller(MyController.class)");
        return null;
      }
      Supplier<? extends Controller> makeController = controllerFactory != null ? controllerFactory
          : dev.gregor.framework.internal.routing.Instantiation.factory(controllerClass, where + ": controller", errors);
      Supplier<? extends Responder> makeResponder = responder == null ? null : responderFactory != null
          ? responderFactory : dev.gregor.framework.internal.routing.Instantiation.factory(responder, where + ": responder", errors);
      String groupName = group != null ? group : settings.name() + "_" + topic;
      if (groupName.isBlank()) {
        errors.add(where + ": group must not be blank");
      }
      String queueName = queue != null ? queue : settings.defaultQueue();
      if (transactional && worker != null) {
        errors.add(where + ": transactional needs responses or a Kafka queue; a custom worker cannot join a Kafka "
            + "transaction");
      }
      int parallel = concurrency != null ? concurrency : DEFAULT_CONCURRENCY;
      boolean inline = inlineMode != null ? inlineMode : settings.inlineMode();
      RouteChecks.parallel(where, ordering, concurrency, virtualThreads, transactional, errors);
      RouteChecks.deadLetter(where, topic, deadLetter, errors);
      RouteChecks.flow(where, flow, deadLetter, transactional, errors);
      RouteChecks.offsetStore(where, offsetStore != null, inline, transactional, errors);
      if (makeController == null) {
        return null;
      }
      return new Route(topic, groupName, sharedGroup, controllerClass, makeController, worker, queueName,
          parser != null ? parser : Parser.json(), interchanger != null ? interchanger : Interchanger.binary(),
          responder, makeResponder, inline,
          batchMode != null ? batchMode : settings.batchMode(), errorPolicy != null ? errorPolicy : settings.errorPolicy(),
          transactional, ordering, ordering == Ordering.PARTITION ? 1 : parallel, virtualThreads, deadLetter, flow,
          offsetStore);
    }
  }
}
