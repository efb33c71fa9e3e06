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
 * Reads the commands topic without a consumer group — every process must see every command — and carries out those
 * for this app and this process (or {@code "*"}): pause and resume a partition, quiet, stop, delete a job. Commands
 * sent before the process started are old news, except deletions: a job deleted while no worker ran must stay
 * deleted for the workers that start later, so those are read from the topic's beginning (its retention bounds them).
 */
public final class CommandListener {
  private static final Logger LOG = LoggerFactory.getLogger(CommandListener.class);

  private final Gregor client;
  private final Settings settings;
  private final ReportedApp app;
  private final ProcessIdentity process;
  private final JobStates jobs;
  private final Map<Integer, Long> startEnds = new HashMap<>();
  private Thread thread;

  public CommandListener(Gregor client, Settings settings, ReportedApp app, ProcessIdentity process, JobStates jobs) {
    this.client = client;
    this.settings = settings;
    this.app = app;
    this.process = process;
    this.jobs = jobs;
  }

  /** Finds the topic's ends now, so a command sent once this returns is obeyed, then reads on a thread of its own. */
  public void start() {
    String topic = settings.commandsTopic();
    Map<Integer, Offset> from = new HashMap<>();
    for (int partition = 0; partition < client.partitionsFor(topic); partition++) {
      startEnds.put(partition, client.latestOffset(topic, partition));
      from.put(partition, Offset.EARLIEST);
    }
    thread = new Thread(() -> read(topic, from), "gregor-" + settings.name() + "-commands");
    thread.setDaemon(true);
    thread.start();
  }

  private void read(String topic, Map<Integer, Offset> from) {
    try {
      client.eachMessage(topic, Consume.fromOffsets(from), this::on);
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
    boolean old = message.offset() < startEnds.getOrDefault(message.partition(), 0L);
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
    if (old && !"delete_job".equals(command.command())) {
      return; // sent before this process started
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
      case "delete_job" -> {
        if (command.job() == null || command.job().isBlank()) {
          LOG.warn("Command {} ignored: delete_job needs a job id", command.id());
          return;
        }
        if (!jobs.isDeleted(command.job())) {
          LOG.info("Command {}: delete job {}", command.id(), command.job());
          jobs.delete(command.job());
        }
      }
      default -> LOG.warn("Command {} ignored: unknown command '{}' (pause, resume, quiet, stop, delete_job)",
          command.id(), command.command());
    }
  }
}
