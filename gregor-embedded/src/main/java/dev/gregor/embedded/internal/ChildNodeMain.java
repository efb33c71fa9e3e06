package dev.gregor.embedded.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;

/** The entry point of a child-JVM node: runs one Kafka server until SIGTERM or until its parent dies. */
public final class ChildNodeMain {
  static final String STARTED_MARKER = "GREGOR-EMBEDDED-NODE-STARTED";

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

    // The parent holds our stdin open; end of input means it is gone, so we go too.
    InputStream stdin = System.in;
    while (stdin.read() >= 0) {
      // Input is ignored; only its end matters.
    }
    System.exit(0);
  }
}
