package dev.gregor.cli;

import dev.gregor.cli.internal.PropertyAssignment;
import dev.gregor.client.Config;
import dev.gregor.client.Gregor;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options of every command that talks to Kafka (a picocli mixin): where the cluster is, the
 * kafka-clients settings for security and tuning, how long to wait for it, and the output format.
 */
final class KafkaOptions {
  static final String DEFAULT_BOOTSTRAP = "localhost:9092";
  static final String BOOTSTRAP_VARIABLE = "GREGOR_BOOTSTRAP";
  private static final String CLIENT_ID = "gregor-cli";

  @Option(names = {"-b", "--bootstrap"}, paramLabel = "HOST:PORT[,...]", order = 100,
      description = "Seed brokers. Default: bootstrap.servers from -X or --config, else $GREGOR_BOOTSTRAP, "
          + "else localhost:9092. kafka+ssl://HOST:PORT turns TLS on.")
  String bootstrap;

  @Option(names = "--config", paramLabel = "FILE", order = 101,
      description = "kafka-clients properties (security.protocol, sasl.*, ssl.*, tuning) from a Java properties file.")
  Path configFile;

  @Option(names = "-X", paramLabel = "KEY=VALUE", order = 102, converter = PropertyConverter.class,
      description = "One kafka-clients property, overriding --config; repeatable: -X security.protocol=SASL_SSL.")
  List<PropertyAssignment> properties = new ArrayList<>();

  @Option(names = "--connect-timeout", paramLabel = "DURATION", order = 103, defaultValue = "10s",
      converter = DurationConverter.class,
      description = "How long to wait for the cluster to answer before giving up. Default: ${DEFAULT-VALUE}.")
  Duration connectTimeout;

  @Option(names = "--output", paramLabel = "table|json", order = 104, defaultValue = "table",
      description = "table for people, json for programs. Default: ${DEFAULT-VALUE}.")
  OutputFormat output;

  // Also read before parsing by Main, to configure logging, and by BrokerErrorHandler.
  @Option(names = "--verbose", order = 105, description = "Show kafka-clients' logs and the stack trace of an error.")
  boolean verbose;

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  PrintWriter out() {
    return command.commandLine().getOut();
  }

  /** Where diagnostics and confirmations go, so that standard output holds only data. */
  PrintWriter err() {
    return command.commandLine().getErr();
  }

  /** One line on standard error, such as what a command changed. */
  void tell(String line) {
    err().println(line);
    err().flush();
  }

  ParameterException usage(String message) {
    return new ParameterException(command.commandLine(), message);
  }

  boolean json() {
    return output == OutputFormat.JSON;
  }

  /** Connects, failing within --connect-timeout if no seed broker answers. */
  Gregor connect() {
    return connect(Map.of());
  }

  /** Connects with extra kafka-clients properties that the command's own options imply (they win over -X). */
  Gregor connect(Map<String, String> commandProperties) {
    return Gregor.connect(config(commandProperties));
  }

  /** The client configuration: --config, then -X, then the command's properties, each overriding the one before. */
  Config config(Map<String, String> commandProperties) {
    Map<String, String> merged = new LinkedHashMap<>(readConfigFile());
    properties.forEach(p -> merged.put(p.key(), p.value()));
    merged.putAll(commandProperties);
    String fromProperties = merged.remove("bootstrap.servers");
    String clientId = merged.remove("client.id");
    Config.Builder builder = Config.builder()
        .seedBrokers(seedBrokers(fromProperties))
        .clientId(clientId == null ? CLIENT_ID : clientId)
        .connectTimeout(connectTimeout);
    merged.forEach(builder::property);
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(command.commandLine(), "invalid connection settings: " + e.getMessage());
    }
  }

  private String seedBrokers(String fromProperties) {
    if (bootstrap != null) {
      return bootstrap;
    }
    if (fromProperties != null) {
      return fromProperties;
    }
    String fromEnvironment = System.getenv(BOOTSTRAP_VARIABLE);
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return fromEnvironment;
    }
    return DEFAULT_BOOTSTRAP;
  }

  private Map<String, String> readConfigFile() {
    Map<String, String> values = new LinkedHashMap<>();
    if (configFile == null) {
      return values;
    }
    Properties file = new Properties();
    try (Reader reader = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
      file.load(reader);
    } catch (IOException e) {
      throw new ParameterException(command.commandLine(), "--config " + configFile + " cannot be read: " + e);
    }
    file.stringPropertyNames().stream().sorted().forEach(name -> values.put(name, file.getProperty(name).trim()));
    return values;
  }
}
