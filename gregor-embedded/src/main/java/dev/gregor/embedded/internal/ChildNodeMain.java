package dev.gregor.embedded.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;

/** The entry point of a child-JVM node: runs one Kafka server until SIGTERM or until its parent dies. */
public final class ChildNodeMain {
  static final String STARTED_MARKER = "GREGOR-EMBEDDED-NODE-STARTED";
  static final String BROKER_STOPPED_MARKER = "GREGOR-EMBEDDED-BROKER-STOPPED";
  static final String STOP_BROKER_COMMAND = "stop-broker";

  private ChildNodeMain() {}

  public static void main(String[] args) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    Map<String, String> config = new HashMap<>();
    properties.stringPropertyNames().forEach(name -> config.put(name, properties.getProperty(name)));

    KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(config, false), Time.SYSTEM);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.shutdown();
      server.awaitShutdown();
    }, "gregor-node-shutdown"));
    server.startup();
    System.out.println(STARTED_MARKER);
    System.out.flush();

    // The parent sends commands on stdin and holds it open; end of input means it is gone, so we go too.
    BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String command;
    while ((command = commands.readLine()) != null) {
      if (command.startsWith(STOP_BROKER_COMMAND + " ")) {
        long millis = Long.parseLong(command.substring(STOP_BROKER_COMMAND.length() + 1).trim());
        BrokerShutdown.shutdownBroker(server, Duration.ofMillis(millis));
        System.out.println(BROKER_STOPPED_MARKER);
        System.out.flush();
      }
    }
    System.exit(0);
  }
}
