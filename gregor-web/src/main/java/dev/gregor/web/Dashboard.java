package dev.gregor.web;

import dev.gregor.client.Config;
import dev.gregor.web.internal.DashboardServer;
import dev.gregor.web.internal.DashboardSettings;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * A web dashboard for a Kafka cluster: brokers, topics and their messages, consumer groups and their lag,
 * with actions (create, delete, reset offsets, republish). Login and CSRF protection are on by default.
 *
 * <pre>{@code
 * try (Dashboard web = Dashboard.builder().bootstrapServers("localhost:9092").port(8080).start()) {
 *   System.out.println(web.url() + " password: " + web.generatedPassword().orElse("(configured)"));
 * }
 * }</pre>
 */
public final class Dashboard implements AutoCloseable {
  private final DashboardServer server;
  private final @Nullable String generatedPassword;

  private Dashboard(DashboardServer server, @Nullable String generatedPassword) {
    this.server = server;
    this.generatedPassword = generatedPassword;
  }

  /** A builder; {@link Builder#bootstrapServers} or {@link Builder#config} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Where the dashboard is served, e.g. {@code http://127.0.0.1:8080/}. */
  public URI url() {
    return server.url();
  }

  /** The password made at start when none was configured; empty when one was, or without authentication. */
  public Optional<String> generatedPassword() {
    return Optional.ofNullable(generatedPassword);
  }

  /** Stops serving and closes the Kafka client. */
  @Override
  public void close() {
    server.close();
  }

  /** Settings of a dashboard; {@link #start()} checks them all and names each wrong one. */
  public static final class Builder {
    private @Nullable Config config;
    private @Nullable String bootstrapServers;
    private String bindAddress = "127.0.0.1";
    private int port = 8080;
    private String user = "admin";
    private @Nullable String password;
    private boolean authentication = true;
    private boolean readOnly;
    private @Nullable String maskedTopics;
    private Duration kafkaTimeout = Duration.ofSeconds(5);
    private String reportsTopic = "gregor_reports";
    private String commandsTopic = "gregor_commands";

    private Builder() {}

    /** The cluster's seed brokers, {@code host:port[,host:port...]}. */
    public Builder bootstrapServers(String bootstrapServers) {
      this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
      return this;
    }

    /** The client configuration (SASL, SSL, tuning); its timeouts bound every page's Kafka calls. */
    public Builder config(Config config) {
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    /** The address to listen on; {@code 127.0.0.1} by default, {@code 0.0.0.0} for every interface. */
    public Builder bindAddress(String bindAddress) {
      this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
      return this;
    }

    /** The port; 8080 by default, 0 for a free one. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** The one user who may log in; without it the user is {@code admin} with a password generated at start. */
    public Builder user(String user, String password) {
      this.user = Objects.requireNonNull(user, "user");
      this.password = Objects.requireNonNull(password, "password");
      return this;
    }

    /** Whether a login is required (true by default); turn it off only where the port is private. */
    public Builder authentication(boolean authentication) {
      this.authentication = authentication;
      return this;
    }

    /** Pages only: every action (create, delete, reset, republish) is refused. */
    public Builder readOnly(boolean readOnly) {
      this.readOnly = readOnly;
      return this;
    }

    /** Topics (a regular expression on the whole name) whose keys, values and headers are never shown. */
    public Builder maskedTopics(String regex) {
      this.maskedTopics = Objects.requireNonNull(regex, "regex");
      return this;
    }

    /** How long a page waits for Kafka before it says Kafka is not reachable; 5 s by default. */
    public Builder kafkaTimeout(Duration timeout) {
      this.kafkaTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** Where framework apps publish their reports ({@code reporting(true)} in their settings); {@code gregor_reports} by default. */
    public Builder reportsTopic(String topic) {
      this.reportsTopic = Objects.requireNonNull(topic, "topic");
      return this;
    }

    /** Where the dashboard sends commands to framework apps (pause, resume, quiet, stop); {@code gregor_commands} by default. */
    public Builder commandsTopic(String topic) {
      this.commandsTopic = Objects.requireNonNull(topic, "topic");
      return this;
    }

    /** Checks the settings, binds the port and connects to Kafka in the background; a cluster that is down is shown, not thrown. */
    public Dashboard start() {
      Config kafka = config;
      if (kafka == null) {
        if (bootstrapServers == null) {
          throw new IllegalArgumentException("bootstrapServers or config is required: the cluster to show");
        }
        try {
          kafka = Config.builder().seedBrokers(bootstrapServers.split(",")).clientId("gregor-web")
              .connectTimeout(kafkaTimeout).adminTimeout(kafkaTimeout).build();
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("bootstrapServers '" + bootstrapServers + "': " + e.getMessage(), e);
        }
      }
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0-65535, was " + port);
      }
      if (user.isBlank() || user.contains(":")) {
        throw new IllegalArgumentException("user must be a non-blank name without ':', was '" + user + "'");
      }
      if (password != null && password.length() < 8) {
        throw new IllegalArgumentException("password must have at least 8 characters, had " + password.length());
      }
      if (kafkaTimeout.isNegative() || kafkaTimeout.isZero()) {
        throw new IllegalArgumentException("kafkaTimeout must be positive, was " + kafkaTimeout);
      }
      for (String topic : new String[] {reportsTopic, commandsTopic}) {
        if (!topic.matches("[A-Za-z0-9._-]{1,249}")) {
          throw new IllegalArgumentException("'" + topic + "' is not a Kafka topic name (reportsTopic, commandsTopic)");
        }
      }
      Pattern masked = null;
      if (maskedTopics != null) {
        try {
          masked = Pattern.compile(maskedTopics);
        } catch (PatternSyntaxException e) {
          throw new IllegalArgumentException("maskedTopics '" + maskedTopics + "' is not a regular expression: "
              + e.getDescription(), e);
        }
      }
      InetAddress address;
      try {
        address = InetAddress.getByName(bindAddress);
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("bindAddress '" + bindAddress + "' is not an address of this host", e);
      }
      String generated = authentication && password == null ? newPassword() : null;
      DashboardSettings settings = new DashboardSettings(kafka, address, port, authentication ? user : null,
          authentication ? (password != null ? password : generated) : null, readOnly, masked, kafkaTimeout, reportsTopic,
          commandsTopic);
      return new Dashboard(DashboardServer.start(settings), generated);
    }

    private static String newPassword() {
      byte[] random = new byte[15];
      new SecureRandom().nextBytes(random);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
  }
}
