package dev.gregor.framework;

import java.time.Duration;
import java.util.Map;

/**
 * One app process for {@link ProcessKillTest}: reads {@code input} in the group of app {@code name} and
 * records each message it performs on {@code performed} (key = partition@offset, value = this process's pid)
 * through a responder, so the record is acknowledged before the input message is committed. Serves until SIGTERM.
 */
public final class AppProcessMain {
  static volatile String performedTopic;

  public static final class RecordingController extends Controller {
    @Override
    protected void perform() throws InterruptedException {
      Thread.sleep(5); // work that takes time, so a kill lands in the middle of it
      respondWith(params().partition() + "@" + params().offset());
    }
  }

  public static final class PerformedResponder extends Responder {
    public PerformedResponder() {
      topic(performedTopic);
    }

    @Override
    protected void respond(Object... data) {
      respondTo(performedTopic, String.valueOf(ProcessHandle.current().pid()), dev.gregor.client.Produce.key((String) data[0]));
    }
  }

  public static void main(String[] args) {
    String bootstrap = args[0];
    String input = args[1];
    performedTopic = args[2];
    String name = args[3];
    App app = App.builder().environment(Map.of())
        .setup(config -> config.name(name).kafkaHosts(bootstrap).offsetCommitInterval(Duration.ofMillis(500))
            .sessionTimeout(Duration.ofSeconds(6)).heartbeatInterval(Duration.ofSeconds(1)))
        .routes(routes -> routes.topic(input, route -> route.controller(RecordingController.class)
            .parser(Parser.text()).responder(PerformedResponder.class)))
        .build();
    app.start();
    System.out.println("ready " + ProcessHandle.current().pid());
    app.run(); // serves what start() began, until SIGTERM
  }
}
