package dev.gregor.chaos;

import dev.gregor.client.GroupProtocol;
import dev.gregor.embedded.ChildJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A {@link ChildConsumerMain} process whose journal lines go into a {@link History} as they arrive. */
final class ChildConsumer {
  private final String member;
  private final ChildJvm process;

  private ChildConsumer(String member, ChildJvm process) {
    this.member = member;
    this.process = process;
  }

  static ChildConsumer start(String bootstrap, String topic, String group, String member, GroupProtocol protocol,
                             History history) {
    try {
      Path log = Files.createDirectories(Path.of("target", "chaos-members")).resolve(member + ".log");
      ChildJvm process = ChildJvm.builder(ChildConsumerMain.class)
          .jvmOptions("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")
          .args(bootstrap, topic, group, member, protocol.name())
          .errorLog(log).onOutput(history::replay).start();
      return new ChildConsumer(member, process);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start consumer " + member, e);
    }
  }

  String member() {
    return member;
  }

  /** SIGKILL: no commit, no leaving the group; the group notices after the session timeout. */
  void kill() throws InterruptedException {
    process.kill();
    process.awaitOutput(Duration.ofSeconds(10));
  }

  /** SIGTERM: the consumer's shutdown hook commits and leaves the group. */
  void stop() throws InterruptedException {
    process.stop();
    if (!process.waitFor(Duration.ofSeconds(60))) {
      process.kill();
      throw new AssertionError("consumer " + member + " did not stop within 60 s of SIGTERM");
    }
    process.awaitOutput(Duration.ofSeconds(10));
  }

  boolean isAlive() {
    return process.isAlive();
  }
}
