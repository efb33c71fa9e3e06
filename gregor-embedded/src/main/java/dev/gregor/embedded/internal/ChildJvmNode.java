package dev.gregor.embedded.internal;

import dev.gregor.embedded.ChildJvm;
import dev.gregor.embedded.EmbeddedKafkaException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A node running in its own JVM ({@link ChildNodeMain}) on this JVM's class path, so it can be
 * SIGKILLed. Its output goes to {@code node.log} in the node's directory; it exits by itself
 * when this JVM dies, because its stdin closes.
 */
public final class ChildJvmNode implements NodeProcess {
  private final int id;
  private final Map<String, String> config;
  private final Path nodeDir;
  private final Duration startTimeout;
  private final List<String> jvmOptions;
  private ChildJvm process;
  private volatile CompletableFuture<Void> brokerStopped = new CompletableFuture<>();

  public ChildJvmNode(int id, Map<String, String> config, Path nodeDir, Duration startTimeout, List<String> jvmOptions) {
    this.id = id;
    this.config = Map.copyOf(config);
    this.nodeDir = nodeDir;
    this.startTimeout = startTimeout;
    this.jvmOptions = List.copyOf(jvmOptions);
  }

  @Override
  public synchronized void start() {
    if (isRunning()) {
      return;
    }
    Path configFile = nodeDir.resolve("server.properties");
    Path logFile = nodeDir.resolve("node.log");
    try {
      writeConfig(configFile);
    } catch (IOException e) {
      throw new EmbeddedKafkaException("Could not write the configuration of node " + id + " to " + configFile + ": " + e, e);
    }
    CompletableFuture<Void> ready = new CompletableFuture<>();
    ChildJvm started;
    try {
      started = ChildJvm.builder(ChildNodeMain.class).jvmOptions(jvmOptions).args(configFile.toString())
          .outputLog(logFile).onOutput(line -> onLine(line, ready)).start();
    } catch (UncheckedIOException e) {
      throw new EmbeddedKafkaException("Could not launch a child JVM for node " + id + ": " + e.getMessage(), e);
    }
    Thread watcher = new Thread(() -> onExit(started, ready), "gregor-node-" + id + "-exit");
    watcher.setDaemon(true);
    watcher.start();
    awaitReady(started, ready, logFile);
    process = started;
  }

  private void onLine(String line, CompletableFuture<Void> ready) {
    if (line.equals(ChildNodeMain.STARTED_MARKER)) {
      ready.complete(null);
    } else if (line.equals(ChildNodeMain.BROKER_STOPPED_MARKER)) {
      brokerStopped.complete(null);
    }
  }

  /** Once the child's output ended, nothing more can become ready or stop. */
  private void onExit(ChildJvm child, CompletableFuture<Void> ready) {
    try {
      while (!child.awaitOutput(Duration.ofHours(1))) {
        // the child still runs; keep waiting
      }
    } catch (InterruptedException e) {
      return;
    }
    ready.completeExceptionally(new IllegalStateException("the child JVM exited before it was started"));
    brokerStopped.completeExceptionally(new IllegalStateException("the child JVM exited"));
  }

  private void awaitReady(ChildJvm started, CompletableFuture<Void> ready, Path logFile) {
    try {
      ready.get(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | InterruptedException | ExecutionException e) {
      started.close();
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new EmbeddedKafkaException("Node " + id + " (child JVM) did not start within " + startTimeout
          + (e instanceof ExecutionException ? " (" + e.getCause().getMessage() + ")" : "")
          + "; its output is in " + logFile + ":\n" + tail(logFile), e);
    }
  }

  private void writeConfig(Path configFile) throws IOException {
    Files.createDirectories(nodeDir);
    Properties properties = new Properties();
    properties.putAll(config);
    try (BufferedWriter writer = Files.newBufferedWriter(configFile, StandardCharsets.UTF_8)) {
      properties.store(writer, "Gregor embedded Kafka node " + id);
    }
  }

  @Override
  public synchronized void stopBroker(Duration controlledShutdownTimeout) {
    if (!isRunning()) {
      return;
    }
    brokerStopped = new CompletableFuture<>();
    try {
      Writer commands = new OutputStreamWriter(process.input(), StandardCharsets.UTF_8);
      commands.write(ChildNodeMain.STOP_BROKER_COMMAND + " " + controlledShutdownTimeout.toMillis() + "\n");
      commands.flush();
      brokerStopped.get(controlledShutdownTimeout.plus(startTimeout).toMillis(), TimeUnit.MILLISECONDS);
    } catch (IOException | ExecutionException | TimeoutException e) {
      // The full stop() that follows ends the process either way; a failed broker stop only costs cleanliness.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    ChildJvm running = process;
    process = null;
    running.stop(); // SIGTERM: the child's shutdown hook shuts Kafka down cleanly
    try {
      if (!running.waitFor(startTimeout)) {
        running.kill();
      }
    } catch (InterruptedException e) {
      running.close();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public synchronized void kill() {
    if (process == null) {
      return;
    }
    ChildJvm running = process;
    process = null;
    try {
      running.kill();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  private static String tail(Path logFile) {
    try {
      List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no output: " + e + ")";
    }
  }
}
