package dev.gregor.chaos;

import dev.gregor.framework.App;
import dev.gregor.framework.Controller;
import dev.gregor.framework.Ordering;
import dev.gregor.framework.Parser;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * A framework app in its own JVM, so a scenario can SIGKILL it: one route in {@link Ordering#KEY} order
 * with 16 threads, each message taking up to 2 ms of simulated I/O, journaling what it processed and
 * what its group committed to standard output. Arguments: bootstrap servers, topic, group, member id.
 */
public final class ChildAppMain {
  private ChildAppMain() {}

  /** Journals each message after its simulated I/O. */
  static final class JournalingController extends Controller {
    private final Journal journal;
    private final String member;

    JournalingController(Journal journal, String member) {
      this.journal = journal;
      this.member = member;
    }

    @Override
    protected void perform() {
      // Simulated I/O of up to 2 ms, so keys really overlap on the route's threads.
      LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(2_000_000));
      journal.processed(member, params().partition(), params().offset(), Sequenced.parse(params().raw()));
    }
  }

  public static void main(String[] args) {
    String bootstrap = args[0];
    String topic = args[1];
    String group = args[2];
    String member = args[3];
    Journal journal = new Journal(new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8));
    CommitObserver.install(member, topic, journal);
    App app = App.builder().environment(Map.of())
        .setup(config -> config.name("chaos").clientId(member).kafkaHosts(bootstrap)
            .sessionTimeout(Duration.ofSeconds(6)).heartbeatInterval(Duration.ofSeconds(1))
            .offsetCommitInterval(Duration.ofSeconds(1)).offsetCommitThreshold(50)
            .shutdownTimeout(Duration.ofSeconds(10))
            .kafka(CommitObserver.PROPERTY, CommitObserver.class.getName()))
        .routes(routes -> routes.topic(topic, route -> route.group(group)
            .controller(JournalingController.class, () -> new JournalingController(journal, member))
            .parser(Parser.raw()).ordering(Ordering.KEY).concurrency(16)))
        .build();
    app.run(); // until SIGTERM (or SIGKILL)
  }
}
