package dev.gregor.embedded.internal;

import dev.gregor.embedded.EmbeddedKafkaException;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
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
  private Process process;
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
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(jvmOptions);
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(ChildNodeMain.class.getName());
      command.add(configFile.toString());
      Process started = new ProcessBuilder(command).redirectErrorStream(true).start();
      CompletableFuture<Void> ready = new CompletableFuture<>();
      Thread pump = new Thread(() -> pumpOutput(started, logFile, ready), "gregor-node-" + id + "-output");
      pump.setDaemon(true);
      pump.start();
      awaitReady(started, ready, logFile);
      process = started;
    } catch (IOException e) {
      throw new EmbeddedKafkaException("Could not launch a child JVM for node " + id + ": " + e, e);
    }
  }

  private void awaitReady(Process started, CompletableFuture<Void> ready, Path logFile) {
    try {
      ready.get(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | InterruptedException | ExecutionException e) {
      started.destroyForcibly();
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new EmbeddedKafkaException("Node " + id + " (child JVM) did not start within " + startTimeout
          + (e instanceof ExecutionException ? " (" + e.getCause().getMessage() + ")" : "")
          + "; its output is in " + logFile + ":\n" + tail(logFile), e);
    }
  }

  private void pumpOutput(Process started, Path logFile, CompletableFuture<Void> ready) {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8));
         Writer log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8,
             StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.equals(ChildNodeMain.STARTED_MARKER)) {
          ready.complete(null);
        } else if (line.equals(ChildNodeMain.BROKER_STOPPED_MARKER)) {
          brokerStopped.complete(null);
        }
        log.write(line);
        log.write('\n');
        log.flush();
      }
    } catch (IOException e) {
      ready.completeExceptionally(e);
    }
    ready.completeExceptionally(new IllegalStateException("the child JVM exited before it was started"));
    brokerStopped.completeExceptionally(new IllegalStateException("the child JVM exited"));
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
      Writer commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
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
    Process running = process;
    process = null;
    running.destroy(); // SIGTERM: the child's shutdown hook shuts Kafka down cleanly
    try {
      if (!running.waitFor(startTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
        running.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      running.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public synchronized void kill() {
    if (process == null) {
      return;
    }
    Process running = process;
    process = null;
    try {
      running.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
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
