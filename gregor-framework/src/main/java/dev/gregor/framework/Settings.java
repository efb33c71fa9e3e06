package dev.gregor.framework;

import dev.gregor.client.ErrorPolicy;
import dev.gregor.client.Sasl;
import dev.gregor.framework.internal.SettingsChecks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An app's configuration (seed: "Setup"): every option of Karafka's table, plus SASL, a client id
 * and any kafka-clients property. Built by {@link App.Builder#setup}; checked as a whole.
 */
public final class Settings {
  private final String name;
  private final String environment;
  private final String clientId;
  private final TopicMapper topicMapper;
  private final boolean inlineMode;
  private final boolean batchMode;
  private final boolean startFromBeginning;
  private final Monitor monitor;
  private final Logger logger;
  private final List<String> kafkaHosts;
  private final Duration sessionTimeout;
  private final Duration offsetCommitInterval;
  private final int offsetCommitThreshold;
  private final Duration heartbeatInterval;
  private final Duration connectTimeout;
  private final @Nullable String sslCaCert;
  private final @Nullable String sslClientCert;
  private final @Nullable String sslClientCertKey;
  private final @Nullable Sasl sasl;
  private final Map<String, Object> kafka;
  private final int producerPoolSize;
  private final Duration producerPoolTimeout;
  private final int concurrency;
  private final Duration shutdownTimeout;
  private final Duration stallTimeout;
  private final ErrorPolicy errorPolicy;
  private final String defaultQueue;
  private final boolean reporting;
  private final String reportsTopic;
  private final String commandsTopic;
  private final Duration reportInterval;

  private Settings(Builder b, String name, String environment, Logger logger) {
    this.name = name;
    this.environment = environment;
    this.clientId = b.clientId != null ? b.clientId : name;
    this.topicMapper = b.topicMapper;
    this.inlineMode = b.inlineMode;
    this.batchMode = b.batchMode;
    this.startFromBeginning = b.startFromBeginning;
    this.logger = logger;
    this.monitor = b.monitor != null ? b.monitor : Monitor.logging(logger);
    this.kafkaHosts = List.copyOf(b.kafkaHosts);
    this.sessionTimeout = b.sessionTimeout;
    this.offsetCommitInterval = b.offsetCommitInterval;
    this.offsetCommitThreshold = b.offsetCommitThreshold;
    this.heartbeatInterval = b.heartbeatInterval;
    this.connectTimeout = b.connectTimeout;
    this.sslCaCert = b.sslCaCert;
    this.sslClientCert = b.sslClientCert;
    this.sslClientCertKey = b.sslClientCertKey;
    this.sasl = b.sasl;
    this.kafka = Map.copyOf(b.kafka);
    this.producerPoolSize = b.producerPoolSize;
    this.producerPoolTimeout = b.producerPoolTimeout;
    this.concurrency = b.concurrency;
    this.shutdownTimeout = b.shutdownTimeout;
    this.stallTimeout = b.stallTimeout;
    this.errorPolicy = b.errorPolicy;
    this.defaultQueue = b.defaultQueue != null ? b.defaultQueue : name + "_jobs";
    this.reporting = b.reporting;
    this.reportsTopic = b.reportsTopic;
    this.commandsTopic = b.commandsTopic;
    this.reportInterval = b.reportInterval;
  }

  /** The application name; consumer groups not named by a route are {@code name + "_" + topic}. */
  public String name() {
    return name;
  }

  /** The environment the app was built for: {@code GREGOR_ENV}, {@code development} by default. */
  public String environment() {
    return environment;
  }

  /** The effective settings by the seed's names, secrets masked: what {@code gregor info} prints. */
  public Map<String, String> describe() {
    return dev.gregor.framework.internal.SettingsDescription.of(this);
  }

  /** Kafka's client id; the app name unless set. */
  public String clientId() {
    return clientId;
  }

  /** How clean topic names map to Kafka's. */
  public TopicMapper topicMapper() {
    return topicMapper;
  }

  /** Whether routes perform in the server process by default (true; the seed's Sidekiq default needs a worker process). */
  public boolean inlineMode() {
    return inlineMode;
  }

  /** Whether controllers get batches by default (seed: {@code batch_mode}). */
  public boolean batchMode() {
    return batchMode;
  }

  /** Whether a group with nothing committed starts at the beginning of its topics (true) or at their end. */
  public boolean startFromBeginning() {
    return startFromBeginning;
  }

  /** Where notices and errors go. */
  public Monitor monitor() {
    return monitor;
  }

  /** The app's logger; the default monitor logs here. */
  public Logger logger() {
    return logger;
  }

  /** The seed brokers; the rest of the cluster is discovered from them (seed: "Kafka brokers auto-discovery"). */
  public List<String> kafkaHosts() {
    return kafkaHosts;
  }

  /** How long the group waits for a silent member (seed: {@code kafka.session_timeout}). */
  public Duration sessionTimeout() {
    return sessionTimeout;
  }

  /** How often processed offsets are committed (seed: {@code kafka.offset_commit_interval}). */
  public Duration offsetCommitInterval() {
    return offsetCommitInterval;
  }

  /** Processed messages that trigger a commit, 0 for none (seed: {@code kafka.offset_commit_threshold}). */
  public int offsetCommitThreshold() {
    return offsetCommitThreshold;
  }

  /** How often members heartbeat (seed: {@code kafka.heartbeat_interval}). */
  public Duration heartbeatInterval() {
    return heartbeatInterval;
  }

  /** How long starting waits for the cluster to answer before it fails naming the hosts. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** The CA certificate(s), PEM, or null. */
  public @Nullable String sslCaCert() {
    return sslCaCert;
  }

  /** The client certificate, PEM, or null. */
  public @Nullable String sslClientCert() {
    return sslClientCert;
  }

  /** The client certificate's key, PEM (PKCS#8), or null. */
  public @Nullable String sslClientCertKey() {
    return sslClientCertKey;
  }

  /** SASL credentials, or null. */
  public @Nullable Sasl sasl() {
    return sasl;
  }

  /** kafka-clients properties passed through as they are. */
  public Map<String, Object> kafka() {
    return kafka;
  }

  /** How many responses may be in delivery at once (seed: {@code connection_pool.size}). */
  public int producerPoolSize() {
    return producerPoolSize;
  }

  /** How long a responder waits for a free producer slot (seed: {@code connection_pool.timeout}). */
  public Duration producerPoolTimeout() {
    return producerPoolTimeout;
  }

  /** Threads performing controllers in the server process, shared by the app's groups. */
  public int concurrency() {
    return concurrency;
  }

  /** How long stopping waits for work in progress before handing it back uncommitted. */
  public Duration shutdownTimeout() {
    return shutdownTimeout;
  }

  /** How long a message may run before it is reported as stalled (event, log with its thread's stack, {@link App#stalls()}). */
  public Duration stallTimeout() {
    return stallTimeout;
  }

  /** What a controller's failure leads to, unless its route says otherwise. */
  public ErrorPolicy errorPolicy() {
    return errorPolicy;
  }

  /** The jobs topic of routes that name no queue: {@code name + "_jobs"} unless set. */
  public String defaultQueue() {
    return defaultQueue;
  }

  /**
   * Whether the app's processes publish reports to {@link #reportsTopic()} and obey commands from
   * {@link #commandsTopic()}, for the dashboard; false unless set.
   */
  public boolean reporting() {
    return reporting;
  }

  /** Where processes publish their reports, as Kafka names it (not mapped: every app of a cluster shares it). */
  public String reportsTopic() {
    return reportsTopic;
  }

  /** Where processes read commands (pause, resume, quiet, stop), as Kafka names it (not mapped). */
  public String commandsTopic() {
    return commandsTopic;
  }

  /** How often a process publishes its report when {@link #reporting()} is on. */
  public Duration reportInterval() {
    return reportInterval;
  }

  /** The setup DSL: {@code setup(config -> config.name("shop").kafkaHosts("localhost:9092"))}. */
  public static final class Builder {
    private @Nullable String name;
    private @Nullable String clientId;
    private TopicMapper topicMapper = TopicMapper.identity();
    private boolean inlineMode = true;
    private boolean batchMode;
    private boolean startFromBeginning = true;
    private @Nullable Monitor monitor;
    private @Nullable Logger logger;
    private List<String> kafkaHosts = new ArrayList<>();
    private Duration sessionTimeout = Duration.ofSeconds(30);
    private Duration offsetCommitInterval = Duration.ofSeconds(10);
    private int offsetCommitThreshold;
    private Duration heartbeatInterval = Duration.ofSeconds(3);
    private Duration connectTimeout = Duration.ofSeconds(10);
    private @Nullable String sslCaCert;
    private @Nullable String sslClientCert;
    private @Nullable String sslClientCertKey;
    private @Nullable Sasl sasl;
    private final Map<String, Object> kafka = new LinkedHashMap<>();
    private int producerPoolSize = 8;
    private Duration producerPoolTimeout = Duration.ofSeconds(30);
    private int concurrency = Math.max(2, Runtime.getRuntime().availableProcessors());
    private Duration shutdownTimeout = Duration.ofSeconds(30);
    private Duration stallTimeout = Duration.ofMinutes(1);
    private ErrorPolicy errorPolicy = ErrorPolicy.retry(5, Duration.ofMillis(500), Duration.ofSeconds(10));
    private @Nullable String defaultQueue;
    private boolean reporting;
    private String reportsTopic = "gregor_reports";
    private String commandsTopic = "gregor_commands";
    private Duration reportInterval = Duration.ofSeconds(5);

    Builder() {}

    /** The application name (required); letters, digits, '.', '_' and '-'. */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** Kafka's client id; the app name by default. */
    public Builder clientId(String clientId) {
      this.clientId = clientId;
      return this;
    }

    /** Maps clean topic names to Kafka's; identity by default. */
    public Builder topicMapper(TopicMapper topicMapper) {
      this.topicMapper = Objects.requireNonNull(topicMapper, "topicMapper");
      return this;
    }

    /** Performs in the server process (true, the default) or enqueues for workers. */
    public Builder inlineMode(boolean inlineMode) {
      this.inlineMode = inlineMode;
      return this;
    }

    /** Hands controllers batches instead of single messages (false by default). */
    public Builder batchMode(boolean batchMode) {
      this.batchMode = batchMode;
      return this;
    }

    /** Where a new group starts: the beginning (true, the default) or the end of its topics. */
    public Builder startFromBeginning(boolean startFromBeginning) {
      this.startFromBeginning = startFromBeginning;
      return this;
    }

    /** Replaces the logging monitor; delegate to {@link Monitor#logging} to keep logging. */
    public Builder monitor(Monitor monitor) {
      this.monitor = Objects.requireNonNull(monitor, "monitor");
      return this;
    }

    /** The logger of the default monitor. */
    public Builder logger(Logger logger) {
      this.logger = Objects.requireNonNull(logger, "logger");
      return this;
    }

    /** One or more {@code host:port}; one is enough, the cluster is discovered from it. */
    public Builder kafkaHosts(String... hosts) {
      this.kafkaHosts = new ArrayList<>(List.of(hosts));
      return this;
    }

    /** Session timeout of the app's consumer groups (30 s by default). */
    public Builder sessionTimeout(Duration sessionTimeout) {
      this.sessionTimeout = sessionTimeout;
      return this;
    }

    /** How often processed offsets are committed (10 s by default). */
    public Builder offsetCommitInterval(Duration offsetCommitInterval) {
      this.offsetCommitInterval = offsetCommitInterval;
      return this;
    }

    /** Commit after this many processed messages too; 0 (the default) commits by interval only. */
    public Builder offsetCommitThreshold(int offsetCommitThreshold) {
      this.offsetCommitThreshold = offsetCommitThreshold;
      return this;
    }

    /** Heartbeat interval of the app's consumer groups (3 s by default). */
    public Builder heartbeatInterval(Duration heartbeatInterval) {
      this.heartbeatInterval = heartbeatInterval;
      return this;
    }

    /** How long starting (and admin calls) wait for the cluster (10 s by default). */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
      return this;
    }

    /** Trusts these CA certificate(s), PEM text (seed: {@code kafka.ssl.ca_cert}). */
    public Builder sslCaCert(String pem) {
      this.sslCaCert = pem;
      return this;
    }

    /** Presents this client certificate, PEM (seed: {@code kafka.ssl.client_cert}); needs {@link #sslClientCertKey}. */
    public Builder sslClientCert(String pem) {
      this.sslClientCert = pem;
      return this;
    }

    /** The client certificate's unencrypted PKCS#8 key, PEM (seed: {@code kafka.ssl.client_cert_key}). */
    public Builder sslClientCertKey(String pem) {
      this.sslClientCertKey = pem;
      return this;
    }

    /** SASL credentials; with TLS unless the client is told otherwise. */
    public Builder sasl(Sasl sasl) {
      this.sasl = Objects.requireNonNull(sasl, "sasl");
      return this;
    }

    /** Any kafka-clients property, passed through; a misspelled name is refused with a suggestion. */
    public Builder kafka(String property, Object value) {
      kafka.put(Objects.requireNonNull(property, "property"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Responses in delivery at once (8 by default). */
    public Builder producerPoolSize(int producerPoolSize) {
      this.producerPoolSize = producerPoolSize;
      return this;
    }

    /** How long a response waits for a free slot (30 s by default). */
    public Builder producerPoolTimeout(Duration producerPoolTimeout) {
      this.producerPoolTimeout = producerPoolTimeout;
      return this;
    }

    /** Threads that perform controllers in the server (the CPU count, at least 2, by default). */
    public Builder concurrency(int concurrency) {
      this.concurrency = concurrency;
      return this;
    }

    /** How long stopping or a revocation waits for work in progress (30 s by default). */
    public Builder shutdownTimeout(Duration shutdownTimeout) {
      this.shutdownTimeout = shutdownTimeout;
      return this;
    }

    /** How long one message may run before it is reported as stalled (1 minute by default). */
    public Builder stallTimeout(Duration stallTimeout) {
      this.stallTimeout = stallTimeout;
      return this;
    }

    /** What a controller's failure leads to (5 attempts with backoff, then stop, by default). */
    public Builder errorPolicy(ErrorPolicy errorPolicy) {
      this.errorPolicy = Objects.requireNonNull(errorPolicy, "errorPolicy");
      return this;
    }

    /** The jobs topic of routes that name no queue. */
    public Builder defaultQueue(String defaultQueue) {
      this.defaultQueue = defaultQueue;
      return this;
    }

    /**
     * Publishes a report of each process every {@link #reportInterval} to the reports topic and obeys commands
     * from the commands topic (both created at start if missing), for the dashboard; off by default.
     */
    public Builder reporting(boolean reporting) {
      this.reporting = reporting;
      return this;
    }

    /** The reports topic, Kafka's name as it is ({@code gregor_reports} by default). */
    public Builder reportsTopic(String reportsTopic) {
      this.reportsTopic = reportsTopic;
      return this;
    }

    /** The commands topic, Kafka's name as it is ({@code gregor_commands} by default). */
    public Builder commandsTopic(String commandsTopic) {
      this.commandsTopic = commandsTopic;
      return this;
    }

    /** How often a report is published (5 s by default, at least 100 ms). */
    public Builder reportInterval(Duration reportInterval) {
      this.reportInterval = reportInterval;
      return this;
    }

    /** The settings, or null with every problem added to {@code errors}. */
    @Nullable Settings build(List<String> errors, String environment) {
      SettingsChecks checks = new SettingsChecks(errors);
      String appName = checks.name(name);
      checks.hosts(kafkaHosts);
      checks.positive("sessionTimeout", sessionTimeout);
      checks.positive("offsetCommitInterval", offsetCommitInterval);
      checks.positive("heartbeatInterval", heartbeatInterval);
      checks.positive("connectTimeout", connectTimeout);
      checks.positive("producerPoolTimeout", producerPoolTimeout);
      checks.positive("shutdownTimeout", shutdownTimeout);
      checks.positive("stallTimeout", stallTimeout);
      checks.atLeast("offsetCommitThreshold", offsetCommitThreshold, 0);
      checks.atLeast("producerPoolSize", producerPoolSize, 1);
      checks.atLeast("concurrency", concurrency, 1);
      checks.heartbeatBelowSession(heartbeatInterval, sessionTimeout);
      checks.ssl(sslCaCert, sslClientCert, sslClientCertKey);
      checks.kafkaProperties(kafka);
      if (clientId != null && clientId.isBlank()) {
        errors.add("clientId must not be blank");
      }
      if (defaultQueue != null) {
        checks.topicName("defaultQueue", defaultQueue);
      }
      checks.topicName("reportsTopic", reportsTopic);
      checks.topicName("commandsTopic", commandsTopic);
      checks.atLeast("reportInterval", reportInterval, Duration.ofMillis(100));
      if (appName == null || !errors.isEmpty()) {
        return null;
      }
      Settings settings = new Settings(this, appName, environment,
          logger != null ? logger : LoggerFactory.getLogger("dev.gregor.framework.App." + appName));
      checks.client(settings); // what only the settings together can break, e.g. SASL without TLS
      return errors.isEmpty() ? settings : null;
    }
  }
}
