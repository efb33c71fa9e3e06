package dev.gregor.framework.internal.reporting;

import dev.gregor.client.Consume;
import dev.gregor.client.Gregor;
import dev.gregor.client.Message;
import dev.gregor.client.Offset;
import dev.gregor.framework.Settings;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the commands topic without a consumer group — every process must see every command — from its end as it
 * was at start (commands sent before are old news), and carries out those for this app and this process (or
 * {@code "*"}): pause and resume a partition, quiet, stop.
 */
public final class CommandListener {
  private static final Logger LOG = LoggerFactory.getLogger(CommandListener.class);

  private final Gregor client;
  private final Settings settings;
  private final ReportedApp app;
  private final ProcessIdentity process;
  private Thread thread;

  public CommandListener(Gregor client, Settings settings, ReportedApp app, ProcessIdentity process) {
    this.client = client;
    this.settings = settings;
    this.app = app;
    this.process = process;
  }

  /** Finds the topic's ends now, so a command sent once this returns is obeyed, then reads on a thread of its own. */
  public void start() {
    String topic = settings.commandsTopic();
    Map<Integer, Offset> ends = new HashMap<>();
    for (int partition = 0; partition < client.partitionsFor(topic); partition++) {
      ends.put(partition, Offset.at(client.latestOffset(topic, partition)));
    }
    thread = new Thread(() -> read(topic, ends), "gregor-" + settings.name() + "-commands");
    thread.setDaemon(true);
    thread.start();
  }

  private void read(String topic, Map<Integer, Offset> ends) {
    try {
      client.eachMessage(topic, Consume.fromOffsets(ends), this::on);
    } catch (RuntimeException e) {
      if (!Thread.currentThread().isInterrupted()) { // interrupted: stop() asked
        LOG.warn("App '{}' stopped reading commands from '{}': {}", settings.name(), topic, e.toString());
      }
    }
  }

  /** Stops reading; commands arriving from now on are not obeyed. */
  public void stop() {
    Thread reading = thread;
    if (reading != null && reading != Thread.currentThread()) {
      reading.interrupt();
      try {
        reading.join(settings.connectTimeout().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void on(Message message) {
    ReportJson.Command command;
    try {
      command = ReportJson.command(message.value() == null ? new byte[0] : message.value());
    } catch (IOException e) {
      LOG.warn("Command at {}/{}@{} ignored: not a command ({})", message.topic(), message.partition(),
          message.offset(), String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
      return;
    }
    if (!settings.name().equals(command.app())
        || !(process.id().equals(command.process()) || "*".equals(command.process()))) {
      return; // another app's or another process's
    }
    if (command.version() != ReportJson.VERSION || !"command".equals(command.type())) {
      LOG.warn("Command {} ignored: type '{}' version {} is not understood (version {} commands are)", command.id(),
          command.type(), command.version(), ReportJson.VERSION);
      return;
    }
    switch (command.command()) {
      case "pause", "resume" -> {
        if (command.topic() == null || command.partition() < 0) {
          LOG.warn("Command {} ignored: {} needs a topic and a partition", command.id(), command.command());
          return;
        }
        LOG.info("Command {}: {} {}/{}", command.id(), command.command(), command.topic(), command.partition());
        app.command(command.topic(), command.partition(), command.command().equals("pause"));
      }
      case "quiet" -> {
        LOG.info("Command {}: quiet", command.id());
        app.quiet();
      }
      case "stop" -> {
        LOG.info("Command {}: stop", command.id());
        // Stopping waits for this reader to end, so it runs on a thread of its own.
        Thread stopper = new Thread(app::stop, "gregor-" + settings.name() + "-stop-command");
        stopper.start();
      }
      default -> LOG.warn("Command {} ignored: unknown command '{}' (pause, resume, quiet, stop)", command.id(),
          command.command());
    }
  }
}
