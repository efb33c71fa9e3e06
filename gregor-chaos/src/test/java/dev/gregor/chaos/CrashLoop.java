package dev.gregor.chaos;

import static org.awaitility.Awaitility.await;

import dev.gregor.client.Gregor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The consumer-crash pattern of scenarios 4 and 9: three member processes consume a steady load while,
 * {@code crashes} times, the oldest is SIGKILLed and a new one joins; then the load stops, the members
 * drain what was acknowledged and are stopped with SIGTERM.
 */
final class CrashLoop {
  private CrashLoop() {}

  /** Runs it; {@code start} makes member {@code <prefix><n>}. */
  static void run(String bootstrap, String topic, History history, int rate, int keys, int crashes, String prefix,
      Function<String, ChildConsumer> start) throws Exception {
    List<ChildConsumer> members = new ArrayList<>();
    try (Gregor producer = Gregor.connect(bootstrap); Throttle throttle = new Throttle(rate)) {
      BufferedLoad load = new BufferedLoad(producer, topic, history, throttle, Long.MAX_VALUE, keys, p -> {});
      for (int i = 1; i <= 3; i++) {
        members.add(start.apply(prefix + i));
      }
      load.start();
      for (int crash = 0; crash < crashes; crash++) {
        awaitProcessed(history, rate / 2);
        members.remove(0).kill();
        members.add(start.apply(prefix + (4 + crash)));
      }
      awaitProcessed(history, rate / 2);
      load.stop();
      await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
          .until(() -> history.processedCount() >= history.acknowledgedCount());
      for (ChildConsumer member : members) {
        member.stop();
      }
    } finally {
      for (ChildConsumer member : members) {
        if (member.isAlive()) {
          member.kill();
        }
      }
    }
  }

  private static void awaitProcessed(History history, int more) {
    int from = history.processingEvents();
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
        .until(() -> history.processingEvents() >= from + more);
  }
}
