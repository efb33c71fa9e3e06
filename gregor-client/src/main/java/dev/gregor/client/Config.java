package dev.gregor.client;

import dev.gregor.client.internal.config.ClientPropertyNames;
import dev.gregor.client.internal.connection.SeedBrokers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link Gregor} client connects. Built by {@link #builder()}, which checks every setting
 * in {@link Builder#build()} and names the one that is wrong.
 *
 * <pre>{@code
 * Config config = Config.builder()
 *     .seedBrokers("kafka1:9092", "kafka2:9092")
 *     .clientId("my-app")
 *     .build();
 * }</pre>
 */
public final class Config {
  private final SeedBrokers seedBrokers;
  private final String clientId;
  private final Duration connectTimeout;
  private final Duration deliveryTimeout;
  private final Duration adminTimeout;
  private final Duration socketTimeout;
  private final @Nullable Ssl ssl;
  private final @Nullable Sasl sasl;
  private final boolean saslOverSsl;
  private final Map<String, Object> properties;

  private Config(Builder builder, SeedBrokers seedBrokers, @Nullable Ssl ssl) {
    this.seedBrokers = seedBrokers;
    this.clientId = builder.clientId;
    this.connectTimeout = builder.connectTimeout;
    this.deliveryTimeout = builder.deliveryTimeout;
    this.adminTimeout = builder.adminTimeout;
    this.socketTimeout = builder.socketTimeout;
    this.ssl = ssl;
    this.sasl = builder.sasl;
    this.saslOverSsl = builder.saslOverSsl;
    this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(builder.properties));
  }

  /** Starts configuring a client; {@link Builder#build()} checks every setting. */
  public static Builder builder() {
    return new Builder();
  }

  /** The seed brokers as {@code host:port}, with any {@code kafka://} scheme removed. */
  public List<String> seedBrokers() {
    return seedBrokers.addresses();
  }

  /** Whether the client uses TLS: asked for by a {@code kafka+ssl://} seed broker or by {@link Builder#ssl}. */
  public boolean ssl() {
    return seedBrokers.ssl() || ssl != null;
  }

  /** The TLS settings, or null when none were given (a {@code kafka+ssl://} seed then trusts the JVM's default CAs). */
  public @Nullable Ssl sslSettings() {
    return ssl;
  }

  /** How the client authenticates with SASL, or null for no SASL. */
  public @Nullable Sasl sasl() {
    return sasl;
  }

  /** Whether SASL is refused without TLS (default true, as ruby-kafka's {@code sasl_over_ssl}). */
  public boolean saslOverSsl() {
    return saslOverSsl;
  }

  /** The id the client gives brokers, in their logs and quotas, and in every notification (default {@code gregor}). */
  public String clientId() {
    return clientId;
  }

  /** How long connecting, and waiting for metadata before a send, may take (default 10 s). */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** How long one delivery may take, retries included, before it fails (default 30 s). */
  public Duration deliveryTimeout() {
    return deliveryTimeout;
  }

  /** How long one admin operation (create a topic, describe a group, reset offsets…) may take (default 30 s). */
  public Duration adminTimeout() {
    return adminTimeout;
  }

  /**
   * How long to wait for a broker's answer to one request before the connection is dropped and
   * the request retried (ruby-kafka {@code socket_timeout}, kafka-clients {@code request.timeout.ms}; default 30 s).
   */
  public Duration socketTimeout() {
    return socketTimeout;
  }

  /** kafka-clients properties given through {@link Builder#property(String, Object)}. */
  public Map<String, Object> properties() {
    return properties;
  }

  @Override
  public String toString() {
    return "Config{seedBrokers=" + seedBrokers() + ", clientId=" + clientId + (ssl != null ? ", " + ssl : "")
        + (sasl != null ? ", " + sasl : "") + ", properties=" + properties.keySet() + "}";
  }

  /** Collects settings; nothing is checked until {@link #build()}. */
  public static final class Builder {
    private final List<String> seedBrokers = new ArrayList<>();
    private String clientId = "gregor";
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration deliveryTimeout = Duration.ofSeconds(30);
    private Duration adminTimeout = Duration.ofSeconds(30);
    private Duration socketTimeout = Duration.ofSeconds(30);
    private Ssl.@Nullable Builder ssl;
    private @Nullable Sasl sasl;
    private boolean saslOverSsl = true;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    private Builder() {}

    /** One or more seed brokers: {@code host:port}, {@code kafka://host:port} or {@code kafka+ssl://host:port}; a comma-separated list works too. */
    public Builder seedBrokers(String... seedBrokers) {
      for (String seedBroker : seedBrokers) {
        this.seedBrokers.add(Objects.requireNonNull(seedBroker, "seed broker"));
      }
      return this;
    }

    /** The id the client gives brokers, in their logs and quotas, and in every notification (default {@code gregor}). */
    public Builder clientId(String clientId) {
      this.clientId = clientId;
      return this;
    }

    /** How long connecting, and waiting for metadata before a send, may take (default 10 s). */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
      return this;
    }

    /** How long one delivery may take, retries included, before it fails (default 30 s). */
    public Builder deliveryTimeout(Duration deliveryTimeout) {
      this.deliveryTimeout = deliveryTimeout;
      return this;
    }

    /** How long one admin operation (create a topic, describe a group, reset offsets…) may take (default 30 s). */
    public Builder adminTimeout(Duration adminTimeout) {
      this.adminTimeout = adminTimeout;
      return this;
    }

    /**
     * How long to wait for a broker's answer to one request before the connection is dropped and
     * the request retried (ruby-kafka {@code socket_timeout}, kafka-clients {@code request.timeout.ms}; default 30 s).
     */
    public Builder socketTimeout(Duration socketTimeout) {
      this.socketTimeout = socketTimeout;
      return this;
    }

    /** Turns TLS on and configures it: {@code .ssl(s -> s.caCertificate(pem).clientCertificate(cert, key))}. */
    public Builder ssl(Consumer<Ssl.Builder> configure) {
      if (ssl == null) {
        ssl = new Ssl.Builder();
      }
      configure.accept(ssl);
      return this;
    }

    /** Authenticates with SASL: {@code .sasl(Sasl.scramSha512("alice", password))}; needs TLS unless {@link #saslOverSsl(boolean)} is false. */
    public Builder sasl(Sasl sasl) {
      this.sasl = Objects.requireNonNull(sasl, "sasl");
      return this;
    }

    /** {@code false} allows SASL without TLS (SASL_PLAINTEXT), with a warning at connect: credentials and data travel unencrypted. */
    public Builder saslOverSsl(boolean saslOverSsl) {
      this.saslOverSsl = saslOverSsl;
      return this;
    }

    /** Any kafka-clients property (security, tuning); unknown names are refused at {@link #build()}. */
    public Builder property(String name, Object value) {
      properties.put(Objects.requireNonNull(name, "property name"), value);
      return this;
    }

    /** Checks every setting and returns the immutable config. */
    public Config build() {
      SeedBrokers parsed = SeedBrokers.parse(seedBrokers);
      if (clientId == null || clientId.isBlank()) {
        throw new IllegalArgumentException("clientId must not be blank");
      }
      requirePositive("connectTimeout", connectTimeout);
      requirePositive("deliveryTimeout", deliveryTimeout);
      requirePositive("adminTimeout", adminTimeout);
      requirePositive("socketTimeout", socketTimeout);
      properties.forEach(ClientPropertyNames::check);
      ClientPropertyNames.checkConsistent(properties);
      @Nullable Ssl builtSsl = ssl == null ? null : ssl.build();
      if (sasl != null && saslOverSsl && !parsed.ssl() && builtSsl == null) {
        throw new IllegalArgumentException("sasl " + sasl.mechanism().kafkaName() + " without TLS would send credentials "
            + "unencrypted: configure ssl(...) or a kafka+ssl:// seed broker, or set saslOverSsl(false) to allow it");
      }
      return new Config(this, parsed, builtSsl);
    }

    private static void requirePositive(String name, Duration value) {
      if (value == null || value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be a positive duration, was " + value);
      }
    }
  }
}
