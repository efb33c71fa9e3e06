package dev.gregor.chaos;

import dev.gregor.client.GroupProtocol;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A {@link ChildConsumerMain} process whose journal lines go into a {@link History} as they arrive. */
final class ChildConsumer {
  private final String member;
  private final Process process;
  private final Thread pump;

  private ChildConsumer(String member, Process process, History history) {
    this.member = member;
    this.process = process;
    this.pump = new Thread(() -> pump(history), "chaos-journal-" + member);
    pump.setDaemon(true);
    pump.start();
  }

  static ChildConsumer start(String bootstrap, String topic, String group, String member, GroupProtocol protocol,
                             History history) {
    try {
      Path log = Files.createDirectories(Path.of("target", "chaos-members")).resolve(member + ".log");
      Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
          "-cp", System.getProperty("java.class.path"), ChildConsumerMain.class.getName(),
          bootstrap, topic, group, member, protocol.name())
          .redirectError(log.toFile()).start();
      return new ChildConsumer(member, process, history);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start consumer " + member, e);
    }
  }

  private void pump(History history) {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        history.replay(line);
      }
    } catch (IOException e) {
      // The process is gone; what it wrote before is recorded.
    }
  }

  String member() {
    return member;
  }

  /** SIGKILL: no commit, no leaving the group; the group notices after the session timeout. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    pump.join(10_000);
  }

  /** SIGTERM: the consumer's shutdown hook commits and leaves the group. */
  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      throw new AssertionError("consumer " + member + " did not stop within 60 s of SIGTERM");
    }
    pump.join(10_000);
  }

  boolean isAlive() {
    return process.isAlive();
  }
}
