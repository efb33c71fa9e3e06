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
    return start(ChildConsumerMain.class, history, bootstrap, topic, group, member, protocol.name());
  }

  /** A {@link ChildAppMain}: a framework app with a KEY-ordered route. */
  static ChildConsumer startApp(String bootstrap, String topic, String group, String member, History history) {
    return start(ChildAppMain.class, history, bootstrap, topic, group, member);
  }

  private static ChildConsumer start(Class<?> main, History history, String bootstrap, String topic, String group,
                                     String member, String... more) {
    try {
      Path log = Files.createDirectories(Path.of("target", "chaos-members")).resolve(member + ".log");
      java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(bootstrap, topic, group, member));
      args.addAll(java.util.List.of(more));
      ChildJvm process = ChildJvm.builder(main)
          // Gregor's INFO (assignments, commits refused, partitions lost) in the member's log: a liveness failure
          // of scenario 4 once left only empty logs to read.
          .jvmOptions("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
              "-Dorg.slf4j.simpleLogger.log.dev.gregor=info")
          .args(args.toArray(String[]::new))
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
